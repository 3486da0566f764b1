import { Injectable } from '@nestjs/common';
import type { Actor } from '@crm/authz';
import { DataSource, type EntityManager } from 'typeorm';

/** A user who may look after records: what the owner pickers show (no e-mail). */
export interface OwnerOptionRow {
  id: string;
  name: string;
  role: 'ADMIN' | 'STAFF' | 'COORDINATOR';
}

/**
 * The one definition of "who may this caller make owner of a record": active
 * ADMIN, STAFF and COORDINATOR accounts; a coordinator only hands records to
 * national staff, to themselves, or to coordinators sharing one of their
 * provinces; other roles to nobody. Used by the picker and by the services' check.
 */
@Injectable()
export class OwnerOptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(actor: Actor): Promise<OwnerOptionRow[]> {
    const where = assignableWhere(actor);
    if (!where) return Promise.resolve([]);
    return this.dataSource.query(`SELECT u.id, u.name, u.role FROM app_user u WHERE ${where.sql} ORDER BY lower(u.name), u.id`, where.params);
  }

  async isAssignable(manager: EntityManager, actor: Actor, userId: string): Promise<boolean> {
    const where = assignableWhere(actor, 1);
    if (!where) return false;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM app_user u WHERE u.id = $1 AND ${where.sql}`, [userId, ...where.params]);
    return rows.length > 0;
  }
}

/** The users among `emails` (any case) the caller may make owner: e-mail (lower case) → id. A CSV import names owners by e-mail. */
export async function assignableByEmail(manager: EntityManager, actor: Actor, emails: readonly string[]): Promise<Map<string, string>> {
  const where = assignableWhere(actor, 1);
  if (!where || emails.length === 0) return new Map();
  const rows: { id: string; email: string }[] = await manager.query(
    `SELECT u.id, lower(u.email) AS email FROM app_user u WHERE lower(u.email) = ANY($1::text[]) AND ${where.sql}`,
    [emails.map((email) => email.toLowerCase()), ...where.params],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}

// `offset`: how many parameters the surrounding query already uses.
function assignableWhere(actor: Actor, offset = 0): { sql: string; params: unknown[] } | null {
  const owners = `u.active AND u.role IN ('ADMIN', 'STAFF', 'COORDINATOR')`;
  if (actor.role === 'ADMIN' || actor.role === 'STAFF') return { sql: owners, params: [] };
  if (actor.role !== 'COORDINATOR') return null;
  return {
    sql: `${owners} AND (u.role <> 'COORDINATOR' OR u.id = $${offset + 1} OR EXISTS (
            SELECT 1 FROM user_region ur JOIN region_province rp ON rp.region_id = ur.region_id
             WHERE ur.user_id = u.id AND rp.province_code::text = ANY($${offset + 2}::text[])))`,
    params: [actor.id, actor.provinceCodes],
  };
}
