import { Injectable } from '@nestjs/common';
import { Args, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditFilter, PageArgs } from '@crm/contracts';
import { Allow, BadUserInputException, PageInfoObject, parseInput } from '@crm/platform';
import GraphQLJSON from 'graphql-type-json';
import { DataSource } from 'typeorm';

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

@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditFilter, first: number, after: string | null | undefined) {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId) add('a.actor_id = ?', filter.actorId);
    if (filter.subjectType) add('a.subject_type = ?', filter.subjectType);
    if (filter.subjectId) add('a.subject_id = ?', filter.subjectId);
    if (filter.action) add('a.action = ?', filter.action);
    if (filter.from) add('a.at >= ?', filter.from);
    if (filter.to) add('a.at < ?', filter.to);
    if (after) {
      // Ids only grow: the id alone is a stable keyset cursor for "newest first".
      if (!/^\d{1,19}$/.test(after)) throw new BadUserInputException([{ path: ['after'], code: 'cursor' }]);
      add('a.id < ?', after);
    }
    params.push(first + 1);
    const rows: AuditEntryObject[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.name AS "actorName", a.actor_role AS "actorRole", a.action,
              a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.changes, a.request_id AS "requestId"
         FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    const nodes = rows.slice(0, first);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? nodes[nodes.length - 1].id : null } };
  }
}

@Resolver(() => AuditEntryObject)
export class AuditLogResolver {
  constructor(private readonly repository: AuditLogRepository) {}

  @Allow('read', 'AuditEntry')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (ADMIN)' })
  auditEntries(
    @Args('filter', { nullable: true }) filter: AuditFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<AuditEntryConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    return this.repository.list(parseInput(AuditFilter, filter ?? {}, ['filter']), page.first, page.after);
  }
}
