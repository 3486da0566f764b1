import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';
import GraphQLJSON from 'graphql-type-json';

@ObjectType('AuditRecordRef', { description: 'A record an audit entry speaks of; named only where the viewer may read it' })
export class AuditRecordRefObject {
  @Field() subjectType: string;
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Null: the viewer may not read the record (or it is gone)' }) name: string | null;
  @Field(() => String, { nullable: true, description: 'The French name, where the record has one' }) nameFr: string | null;
}

@ObjectType('AuditFieldChange', { description: 'One changed field; values hidden where masked' })
export class AuditFieldChangeObject {
  @Field() field: string;
  @Field({ description: 'Personal (stored masked) or not readable by the viewer: from and to are null whatever they were' }) masked: boolean;
  @Field(() => GraphQLJSON, { nullable: true }) from: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) to: unknown;
  @Field(() => AuditRecordRefObject, { nullable: true, description: 'The record the old value points to (an owner, an organization…)' })
  fromRecord: AuditRecordRefObject | null;
  @Field(() => AuditRecordRefObject, { nullable: true }) toRecord: AuditRecordRefObject | null;
}

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
  @Field(() => AuditRecordRefObject, { nullable: true, description: 'The record, named where the viewer may read it' }) subject: AuditRecordRefObject | null;
  @Field(() => [AuditFieldChangeObject]) fieldChanges: AuditFieldChangeObject[];
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
