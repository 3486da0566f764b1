import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { recordSortValues, type RecordSort } from '@crm/contracts';

// GraphQL shapes shared by every record type; validation is the shared zod schema, in the resolver.

export const RecordSortEnum = Object.fromEntries(recordSortValues.map((v) => [v, v])) as { [K in RecordSort]: K };
registerEnumType(RecordSortEnum, { name: 'RecordSort', description: 'NAME (default) or UPDATED: most recently changed first' });

@InputType()
export class RecordVersionInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
}

@InputType()
export class MergeRecordsInputType {
  @Field(() => ID) survivorId: string;
  @Field(() => Int) survivorVersion: number;
  @Field(() => ID) duplicateId: string;
  @Field(() => Int) duplicateVersion: number;
  @Field(() => [String], {
    nullable: true,
    description: "Fields whose value the survivor takes from the duplicate (one of the record type's choosable fields)",
  })
  fromDuplicate?: string[];
}
