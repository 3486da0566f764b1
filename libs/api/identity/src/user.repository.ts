import { Injectable } from '@nestjs/common';
import { encodeCursor, likeEscape, readCursor, SqlParams } from '@crm/platform';
import type { UserFilter } from '@crm/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { userColumns, type UserRow } from './user.row';

@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(`SELECT ${userColumns} FROM app_user u WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findForSignIn(email: string): Promise<(UserRow & { passwordHash: string | null }) | null> {
    const rows = await this.dataSource.query(`SELECT ${userColumns}, u.password_hash AS "passwordHash" FROM app_user u WHERE lower(u.email) = lower($1)`, [
      email,
    ]);
    return rows[0] ?? null;
  }

  async passwordHashOf(id: string): Promise<string | null> {
    const rows: { passwordHash: string | null }[] = await this.dataSource.query(`SELECT password_hash AS "passwordHash" FROM app_user WHERE id = $1`, [id]);
    return rows[0]?.passwordHash ?? null;
  }

  async emailTaken(email: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [email]);
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    user: { email: string; name: string; role: string; organizationId: string | null; preferredLanguage: string; passwordHash?: string | null },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO app_user (email, name, role, organization_id, preferred_language, password_hash, password_changed_at, invited_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE now() END, CASE WHEN $6::text IS NULL THEN now() ELSE NULL END)
       RETURNING id`,
      [user.email, user.name, user.role, user.organizationId, user.preferredLanguage, user.passwordHash ?? null],
    );
    return rows[0].id;
  }

  async setRegions(manager: EntityManager, userId: string, regionIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM user_region WHERE user_id = $1`, [userId]);
    if (regionIds.length) {
      await manager.query(`INSERT INTO user_region (user_id, region_id) SELECT $1, unnest($2::uuid[])`, [userId, regionIds]);
    }
  }

  async unknownRegions(manager: EntityManager, regionIds: string[]): Promise<string[]> {
    if (!regionIds.length) return [];
    const rows: { id: string }[] = await manager.query(`SELECT id FROM region WHERE id = ANY($1::uuid[])`, [regionIds]);
    const known = new Set(rows.map((r) => r.id));
    return regionIds.filter((id) => !known.has(id));
  }

  /** Updates against a version; returns false when the row changed meanwhile (or is gone). */
  async updateVersioned(manager: EntityManager, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
    const columns = Object.keys(set);
    const assignments = columns.map((column, index) => `${column} = $${index + 3}`);
    const result: [unknown[], number] = await manager.query(
      `UPDATE app_user SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
      [id, version, ...columns.map((c) => set[c])],
    );
    return result[1] === 1;
  }

  async setPreferredLanguage(manager: EntityManager, id: string, language: 'en' | 'fr'): Promise<void> {
    await manager.query(`UPDATE app_user SET preferred_language = $2, updated_at = now() WHERE id = $1`, [id, language]);
  }

  /** The user's own time zone (null: the office's). */
  async setTimeZone(manager: EntityManager, id: string, timeZone: string | null): Promise<void> {
    await manager.query(`UPDATE app_user SET time_zone = $2, updated_at = now() WHERE id = $1`, [id, timeZone]);
  }

  /** The name an invitee confirms when accepting (their own account; no version check needed). */
  async setName(manager: EntityManager, id: string, name: string): Promise<void> {
    await manager.query(`UPDATE app_user SET name = $2, updated_at = now() WHERE id = $1`, [id, name]);
  }

  /** Member contacts of one organization now belong to another (an organization merge); how many moved. */
  async moveOrganization(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved]: [unknown[], number] = await manager.query(
      `UPDATE app_user SET organization_id = $2, version = version + 1, updated_at = now() WHERE organization_id = $1`,
      [fromId, toId],
    );
    return moved;
  }

  async idsOfOrganization(organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM app_user WHERE organization_id = $1`, [organizationId]);
    return rows.map((row) => row.id);
  }

  /** Where to write to active accounts: some users, or the member contacts of an organization. */
  async mailRecipients(manager: EntityManager, of: { userIds?: string[]; organizationId?: string }): Promise<{ email: string; language: 'en' | 'fr' }[]> {
    return manager.query(
      `SELECT u.email, u.preferred_language AS language FROM app_user u
        WHERE u.active AND (u.id = ANY($1::uuid[]) OR (u.organization_id = $2 AND u.role = 'MEMBER'))
        ORDER BY u.email`,
      [of.userIds ?? [], of.organizationId ?? null],
    );
  }

  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
  }

  async recordSignIn(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [id]);
  }

  async list(
    filter: UserFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ rows: UserRow[]; hasNextPage: boolean; endCursor: string | null }> {
    const params = new SqlParams();
    const where: string[] = [];
    if (filter.search) {
      const like = params.add(`%${likeEscape(filter.search)}%`);
      where.push(`(u.name ILIKE ${like} OR u.email ILIKE ${like})`);
    }
    if (filter.role) where.push(`u.role = ${params.add(filter.role)}`);
    if (filter.active !== undefined) where.push(`u.active = ${params.add(filter.active)}`);
    const cursor = readCursor(after, ['text', 'uuid'] as const);
    if (cursor) where.push(`(lower(u.name), u.id) > (${params.add(cursor[0])}, ${params.add(cursor[1])}::uuid)`);
    const rows: (UserRow & { sortName: string })[] = await this.dataSource.query(
      `SELECT ${userColumns}, lower(u.name) AS "sortName" FROM app_user u
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY lower(u.name), u.id LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return { rows: page.map(({ sortName: _s, ...row }) => row), hasNextPage, endCursor: last ? encodeCursor([last.sortName, last.id]) : null };
  }
}
