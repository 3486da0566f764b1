import { Injectable } from '@nestjs/common';
import type { EngagementStage } from '@crm/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { LadderPlace } from './ladder-rules';

export interface EngagementStateRow {
  personId: string;
  derivedStage: EngagementStage;
  factKind: string | null;
  factOn: string | null;
  factRecordType: string | null;
  factRecordId: string | null;
  factDetail: Record<string, string>;
  overrideStage: EngagementStage | null;
  overrideNote: string | null;
  overrideById: string | null;
  overrideByName: string | null;
  overrideAt: Date | null;
}

/** A person's ladder state as stored, read under its lock. */
export interface LockedState {
  overrideStage: EngagementStage | null;
  derivedStage: EngagementStage;
  factKind: string | null;
  factOn: string | null;
  factRecordType: string | null;
  factRecordId: string | null;
  factDetail: Record<string, string>;
  /** The person's stage and reason (`person.engagement_stage`, `engagement_reason`). */
  stage: EngagementStage;
  reason: string | null;
  /** No state row existed: the ladder never placed this person (their reason is still empty). */
  neverPlaced: boolean;
}

const stateColumns = `s.person_id AS "personId", s.derived_stage AS "derivedStage", s.fact_kind AS "factKind", to_char(s.fact_on, 'YYYY-MM-DD') AS "factOn",
  s.fact_record_type AS "factRecordType", s.fact_record_id AS "factRecordId", s.fact_detail AS "factDetail",
  s.override_stage AS "overrideStage", s.override_note AS "overrideNote", s.override_by_id AS "overrideById",
  u.name AS "overrideByName", s.override_at AS "overrideAt"`;

@Injectable()
export class EngagementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Makes sure each person has a state row and locks them in id order: two writes
   * about one person recompute one after the other, the second seeing the first's facts.
   * Answers what is stored now (derived state, override, the person's stage and reason),
   * so that only what changes is written.
   */
  async lockStates(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, LockedState>> {
    // One person the ladder placed before (every contact after their first): locking their row is the one statement
    // needed (decision 115). Anyone else: the rows are made first (in id order), then locked, as for a batch.
    if (personIds.length === 1) {
      const [row] = await this.selectLocked(manager, personIds);
      if (row) {
        const { personId, ...state } = row;
        return new Map([[personId, { ...state, neverPlaced: false }]]);
      }
    }
    const inserted: { person_id: string }[] = await manager.query(
      `INSERT INTO engagement_state (person_id, derived_stage)
       SELECT id, 'identified' FROM unnest($1::uuid[]) AS id ORDER BY id ON CONFLICT (person_id) DO NOTHING RETURNING person_id`,
      [personIds],
    );
    const neverPlaced = new Set(inserted.map((row) => row.person_id));
    const rows = await this.selectLocked(manager, personIds);
    return new Map(rows.map(({ personId, ...state }) => [personId, { ...state, neverPlaced: neverPlaced.has(personId) }]));
  }

  private selectLocked(manager: EntityManager, personIds: readonly string[]): Promise<(Omit<LockedState, 'neverPlaced'> & { personId: string })[]> {
    return manager.query(
      `SELECT s.person_id AS "personId", s.override_stage AS "overrideStage", s.derived_stage AS "derivedStage", s.fact_kind AS "factKind",
              to_char(s.fact_on, 'YYYY-MM-DD') AS "factOn", s.fact_record_type AS "factRecordType", s.fact_record_id AS "factRecordId",
              s.fact_detail AS "factDetail", p.engagement_stage AS stage, p.engagement_reason AS reason
         FROM engagement_state s JOIN person p ON p.id = s.person_id
        WHERE s.person_id = ANY($1::uuid[]) ORDER BY s.person_id FOR UPDATE OF s`,
      [personIds],
    );
  }

  /** Removes the state rows `lockStates` just made for people it leaves unplaced (identified, no fact, no override). */
  async forgetNeverPlaced(manager: EntityManager, personIds: readonly string[]): Promise<void> {
    if (!personIds.length) return;
    await manager.query(
      `DELETE FROM engagement_state WHERE person_id = ANY($1::uuid[]) AND override_stage IS NULL AND derived_stage = 'identified' AND fact_kind IS NULL`,
      [personIds],
    );
  }

  /** Stores what the ladder derived for each person (the caller passes only what changed): one statement for the whole batch. */
  async saveDerived(manager: EntityManager, places: Map<string, LadderPlace>): Promise<void> {
    if (!places.size) return;
    const entries = [...places];
    await manager.query(
      `UPDATE engagement_state s SET derived_stage = x.derived_stage, fact_kind = x.fact_kind, fact_on = x.fact_on,
              fact_record_type = x.fact_record_type, fact_record_id = x.fact_record_id, fact_detail = x.fact_detail, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[], $6::uuid[], $7::jsonb[])
              AS x(person_id, derived_stage, fact_kind, fact_on, fact_record_type, fact_record_id, fact_detail)
        WHERE s.person_id = x.person_id
          AND (s.derived_stage, s.fact_kind, s.fact_on, s.fact_record_id, s.fact_detail)
              IS DISTINCT FROM (x.derived_stage, x.fact_kind, x.fact_on, x.fact_record_id, x.fact_detail)`,
      [
        entries.map(([personId]) => personId),
        entries.map(([, place]) => place.stage),
        entries.map(([, place]) => place.fact?.kind ?? null),
        entries.map(([, place]) => place.fact?.on ?? null),
        entries.map(([, place]) => place.fact?.recordType ?? null),
        entries.map(([, place]) => place.fact?.recordId ?? null),
        entries.map(([, place]) => JSON.stringify(place.fact?.detail ?? {})),
      ],
    );
  }

  async setOverride(manager: EntityManager, personId: string, stage: EngagementStage | null, note: string | null, byId: string | null): Promise<void> {
    await manager.query(
      `UPDATE engagement_state
          SET override_stage = $2, override_note = $3, override_by_id = $4, override_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
        WHERE person_id = $1`,
      [personId, stage, stage ? note : null, stage ? byId : null],
    );
  }

  async find(personId: string, manager: EntityManager = this.dataSource.manager): Promise<EngagementStateRow | null> {
    const rows: EngagementStateRow[] = await manager.query(
      `SELECT ${stateColumns} FROM engagement_state s LEFT JOIN app_user u ON u.id = s.override_by_id WHERE s.person_id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  /** Every person's id after `afterId`, in id order (the rebuild's batches). */
  async personIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM person WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`, [
      afterId,
      limit,
    ]);
    return rows.map((row) => row.id);
  }

  /** What the ladder stored for some people (tests compare incremental and rebuilt). */
  async storedStages(personIds: readonly string[]): Promise<Map<string, { stage: string; reason: string | null }>> {
    const rows: { id: string; stage: string; reason: string | null }[] = await this.dataSource.query(
      `SELECT id, engagement_stage AS stage, engagement_reason AS reason FROM person WHERE id = ANY($1::uuid[])`,
      [personIds],
    );
    return new Map(rows.map((row) => [row.id, { stage: row.stage, reason: row.reason }]));
  }
}
