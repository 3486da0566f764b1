import { Injectable } from '@nestjs/common';
import type { AuditFilter } from '@crm/contracts';
import { invalidCursor, SqlParams } from '@crm/platform';
import { DataSource } from 'typeorm';
import type { AuditEntryRow } from './audit-entry-view';

@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: AuditFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where: string[] = [];
    if (filter.actorId) where.push(`a.actor_id = ${params.add(filter.actorId)}`);
    if (filter.subjectType) where.push(`a.subject_type = ${params.add(filter.subjectType)}`);
    if (filter.subjectId) where.push(`a.subject_id = ${params.add(filter.subjectId)}`);
    if (filter.action) where.push(`a.action = ${params.add(filter.action)}`);
    if (filter.from) where.push(`a.at >= ${params.add(filter.from)}`);
    if (filter.to) where.push(`a.at < ${params.add(filter.to)}`);
    // Ids only grow: the id alone is a stable keyset cursor for "newest first" (sent as the bare number).
    if (after) {
      if (!/^\d{1,19}$/.test(after) || BigInt(after) > 9223372036854775807n) throw invalidCursor();
      where.push(`a.id < ${params.add(after)}`);
    }
    const rows: AuditEntryRow[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", u.name AS "actorName", a.actor_role AS "actorRole", a.action,
              a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.changes, a.request_id AS "requestId"
         FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const nodes = rows.slice(0, first);
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: nodes.length ? nodes[nodes.length - 1].id : null } };
  }

  /** Users' names by id (the service decides which the viewer may see). */
  async userNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(`SELECT u.id, u.name FROM app_user u WHERE u.id = ANY($1::uuid[])`, [ids]);
  }
}
