import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';
import GraphQLJSON from 'graphql-type-json';

export enum TimelineSubjectTypeEnum {
  Organization = 'Organization',
  Person = 'Person',
  Story = 'Story',
  ToolkitRequest = 'ToolkitRequest',
}
registerEnumType(TimelineSubjectTypeEnum, { name: 'TimelineSubjectType' });

@ObjectType('TimelineEntry', { description: 'One thing that happened to a person or an organization' })
export class TimelineEntryObject {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field({ description: 'e.g. record.created, record.updated, affiliation.added, record.merged' }) kind: string;
  @Field(() => TimelineSubjectTypeEnum) subjectType: TimelineSubjectTypeEnum;
  @Field(() => ID) subjectId: string;
  @Field() recordType: string;
  @Field(() => ID, { nullable: true, description: 'Null when the caller may not read that record (the entry still says what happened)' })
  recordId: string | null;
  @Field(() => ID, { nullable: true }) actorId: string | null;
  @Field(() => String, { nullable: true, description: 'Null when the caller may not read that user’s name' }) actorName: string | null;
  @Field(() => GraphQLJSON, { description: 'Ids, counts and changed field names; never personal values' }) summary: Record<string, unknown>;
}

@ObjectType('TimelineConnection')
export class TimelineConnection {
  @Field(() => [TimelineEntryObject]) nodes: TimelineEntryObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}
