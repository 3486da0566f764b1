import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import type { SavedViewList, SavedViewState } from '@crm/contracts';
import { SqlParams } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';

export interface SavedViewRow {
  id: string;
  ownerId: string;
  ownerRole: string;
  ownerName: string;
  list: SavedViewList;
  name: string;
  shared: boolean;
  state: SavedViewState;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns rule conditions on a saved view read (decision 025). */
export const savedViewScopeColumns = { ownerId: 'v.owner_id', shared: 'v.shared', ownerRole: 'v.owner_role' } as const;

const columns = `v.id, v.owner_id AS "ownerId", v.owner_role AS "ownerRole", u.name AS "ownerName", v.list, v.name, v.shared, v.state,
  v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

@Injectable()
export class SavedViewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The views of `list` the ability may read: the caller's own first, then shared ones, by name. */
  async list(ability: AppAbility, ownerId: string, list: SavedViewList): Promise<SavedViewRow[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT ${columns} FROM saved_view v JOIN app_user u ON u.id = v.owner_id
        WHERE v.list = ${params.add(list)} AND ${params.scope(ability, 'read', 'SavedView', savedViewScopeColumns)}
        ORDER BY v.owner_id = ${params.add(ownerId)} DESC, lower(v.name), v.id`,
      params.values,
    );
  }

  /** One view the ability may read, locked when `manager` is a transaction's. */
  async find(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager): Promise<SavedViewRow | null> {
    const params = new SqlParams();
    const rows: SavedViewRow[] = await manager.query(
      `SELECT ${columns} FROM saved_view v JOIN app_user u ON u.id = v.owner_id
        WHERE v.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'SavedView', savedViewScopeColumns)}
        FOR UPDATE OF v`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async nameTaken(manager: EntityManager, ownerId: string, list: SavedViewList, name: string, except: string | null): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM saved_view WHERE owner_id = $1 AND list = $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4::uuid`,
      [ownerId, list, name, except],
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    view: { ownerId: string; ownerRole: string; list: SavedViewList; name: string; shared: boolean; state: SavedViewState },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO saved_view (owner_id, owner_role, list, name, shared, state) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [view.ownerId, view.ownerRole, view.list, view.name, view.shared, JSON.stringify(view.state)],
    );
    return row.id;
  }

  async update(manager: EntityManager, id: string, view: { name: string; shared: boolean; state: SavedViewState }): Promise<void> {
    await manager.query(`UPDATE saved_view SET name = $2, shared = $3, state = $4::jsonb, updated_at = now() WHERE id = $1`, [
      id,
      view.name,
      view.shared,
      JSON.stringify(view.state),
    ]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM saved_view WHERE id = $1`, [id]);
  }
}
