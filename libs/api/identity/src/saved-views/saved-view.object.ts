import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { savedViewListValues } from '@crm/contracts';
import GraphQLJSON from 'graphql-type-json';

export enum SavedViewListEnum {
  people = 'people',
  organizations = 'organizations',
  outreach = 'outreach',
  stories = 'stories',
}
registerEnumType(SavedViewListEnum, { name: 'SavedViewList', description: `A list views can be saved for: ${savedViewListValues.join(', ')}` });

@ObjectType('SavedView', { description: 'A named set of filters, order and columns of a list (decision 025)' })
export class SavedViewObject {
  @Field(() => ID) id: string;
  @Field(() => SavedViewListEnum) list: SavedViewListEnum;
  @Field() name: string;
  @Field({ description: 'Readable by everyone of the owner’s role' }) shared: boolean;
  @Field(() => ID) ownerId: string;
  @Field() ownerName: string;
  @Field(() => GraphQLJSON, { description: '{ params: the list’s URL parameters, hidden: column keys }' }) state: Record<string, unknown>;
  @Field() updatedAt: Date;
}

@InputType('SaveViewInput')
export class SaveViewInputType {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => SavedViewListEnum) list: SavedViewListEnum;
  @Field() name: string;
  @Field({ nullable: true }) shared?: boolean;
  @Field(() => GraphQLJSON) state: Record<string, unknown>;
}
