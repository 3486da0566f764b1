import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('AuditEntry', { description: 'Who did what to which record; personal values are masked' })
export class AuditEntryObject {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => String, { nullable: true }) actorRole: string | null;
  @Field() action: string;
  @Field() subjectType: string;
  @Field(() => String, { nullable: true }) subjectId: string | null;
  @Field(() => GraphQLJSON, { description: 'Changed fields: { field: { from, to } }' }) changes: Record<string, unknown>;
  @Field(() => String, { nullable: true }) requestId: string | null;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection {
  @Field(() => [AuditEntryObject]) nodes: AuditEntryObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@InputType()
export class AuditFilterInputType {
  @Field(() => ID, { nullable: true }) actorId?: string;
  @Field({ nullable: true }) subjectType?: string;
  @Field({ nullable: true }) subjectId?: string;
  @Field({ nullable: true }) action?: string;
  @Field({ nullable: true, description: 'ISO date-time, inclusive' }) from?: string;
  @Field({ nullable: true, description: 'ISO date-time, exclusive' }) to?: string;
}
