import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { goalMetricValues, type CampaignStatus, type GoalMetric, type PolicyAskInput } from '@crm/contracts';
import { DataSource, type EntityManager, type Repository } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

export interface CampaignGoalRow {
  id: string;
  metric: GoalMetric;
  regionId: string | null;
  target: number;
}

export interface CampaignValues {
  nameEn?: string;
  nameFr?: string;
  descriptionEn?: string | null;
  descriptionFr?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  status?: CampaignStatus;
}

const columnOf: Record<keyof CampaignValues, string> = {
  nameEn: 'name_en',
  nameFr: 'name_fr',
  descriptionEn: 'description_en',
  descriptionFr: 'description_fr',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  status: 'status',
};

@Injectable()
export class CampaignRepository {
  constructor(
    @InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>,
    private readonly dataSource: DataSource,
  ) {}

  findDefault(): Promise<CampaignEntity | null> {
    return this.campaigns.findOne({ where: { isDefault: true }, relations: { policyAsks: true }, order: { policyAsks: { position: 'ASC' } } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<CampaignEntity | null> {
    return manager.getRepository(CampaignEntity).findOne({ where: { id }, relations: { policyAsks: true }, order: { policyAsks: { position: 'ASC' } } });
  }

  /** Names of the campaigns among `ids` (for the audit log). */
  names(ids: readonly string[]): Promise<{ id: string; nameEn: string; nameFr: string }[]> {
    return this.dataSource.query(`SELECT id, name_en AS "nameEn", name_fr AS "nameFr" FROM campaign WHERE id = ANY($1::uuid[])`, [ids]);
  }

  list(): Promise<CampaignEntity[]> {
    return this.campaigns.find({ relations: { policyAsks: true }, order: { startsOn: 'DESC', nameEn: 'ASC', policyAsks: { position: 'ASC' } } });
  }

  async lock(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM campaign WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  async insert(manager: EntityManager, slug: string, values: Required<CampaignValues>): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO campaign (slug, name_en, name_fr, description_en, description_fr, starts_on, ends_on, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [slug, values.nameEn, values.nameFr, values.descriptionEn, values.descriptionFr, values.startsOn, values.endsOn, values.status],
    );
    return rows[0].id;
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM campaign WHERE id = $1`, [id])).length > 0;
  }

  async defaultId(manager: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM campaign WHERE is_default`);
    return rows[0]?.id ?? null;
  }

  async slugTaken(manager: EntityManager, slug: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM campaign WHERE slug = $1`, [slug])).length > 0;
  }

  /** Writes the values if the campaign is still at `version` and moves it on; false when it changed meanwhile. */
  async updateVersioned(manager: EntityManager, id: string, version: number, values: CampaignValues): Promise<boolean> {
    const sets = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([field], index) => `${columnOf[field as keyof CampaignValues]} = $${index + 3}`);
    const params = Object.values(values).filter((value) => value !== undefined);
    const [, count] = await manager.query(
      `UPDATE campaign SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`,
      [id, version, ...params],
    );
    return count === 1;
  }

  /** The asks in this order: kept ones keep their ids (outreach points at them), others are added or removed. */
  async replacePolicyAsks(manager: EntityManager, campaignId: string, asks: PolicyAskInput[]): Promise<{ unknownIndex: number | null; inUse: boolean }> {
    const existing: { id: string }[] = await manager.query(`SELECT id FROM policy_ask WHERE campaign_id = $1`, [campaignId]);
    const ids = new Set(existing.map((row) => row.id));
    const unknownIndex = asks.findIndex((ask) => ask.id !== undefined && !ids.has(ask.id));
    if (unknownIndex >= 0) return { unknownIndex, inUse: false };
    const kept = new Set(asks.flatMap((ask) => (ask.id ? [ask.id] : [])));
    const removed = [...ids].filter((id) => !kept.has(id));
    if (removed.length) {
      try {
        await manager.query(`DELETE FROM policy_ask WHERE id = ANY($1::uuid[])`, [removed]);
      } catch (error) {
        // A foreign key (outreach that discussed it) keeps the ask; the caller refuses the change.
        if ((error as { code?: string }).code === '23503') return { unknownIndex: null, inUse: true };
        throw error;
      }
    }
    // Positions are unique per campaign: move the kept ones out of the way first.
    await manager.query(`UPDATE policy_ask SET position = position + 100 WHERE campaign_id = $1`, [campaignId]);
    for (const [index, ask] of asks.entries()) {
      if (ask.id) {
        await manager.query(`UPDATE policy_ask SET position = $2, title_en = $3, title_fr = $4 WHERE id = $1`, [ask.id, index + 1, ask.titleEn, ask.titleFr]);
      } else {
        await manager.query(`INSERT INTO policy_ask (campaign_id, position, title_en, title_fr) VALUES ($1, $2, $3, $4)`, [
          campaignId,
          index + 1,
          ask.titleEn,
          ask.titleFr,
        ]);
      }
    }
    return { unknownIndex: null, inUse: false };
  }

  async replaceGoals(manager: EntityManager, campaignId: string, goals: { metric: GoalMetric; regionId: string | null; target: number }[]): Promise<void> {
    await manager.query(`DELETE FROM campaign_goal WHERE campaign_id = $1`, [campaignId]);
    if (!goals.length) return;
    await manager.query(
      `INSERT INTO campaign_goal (campaign_id, metric, region_id, target)
       SELECT $1, g.metric, g.region_id, g.target FROM jsonb_to_recordset($2::jsonb) AS g(metric text, region_id uuid, target integer)`,
      [campaignId, JSON.stringify(goals.map((goal) => ({ metric: goal.metric, region_id: goal.regionId, target: goal.target })))],
    );
  }

  async goalsOf(campaignIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<(CampaignGoalRow & { campaignId: string })[]> {
    return manager.query(
      `SELECT g.id, g.campaign_id AS "campaignId", g.metric, g.region_id AS "regionId", g.target
         FROM campaign_goal g LEFT JOIN region r ON r.id = g.region_id
        WHERE g.campaign_id = ANY($1::uuid[])
        ORDER BY g.campaign_id, array_position($2::text[], g.metric), r.name_en NULLS FIRST`,
      [campaignIds, goalMetricValues],
    );
  }

  /** Regions by id, with their provinces; ids that are not regions are absent. */
  async regionProvinces(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const rows: { id: string; provinces: string[] }[] = await manager.query(
      `SELECT r.id, coalesce(array_agg(rp.province_code::text) FILTER (WHERE rp.province_code IS NOT NULL), '{}') AS provinces
         FROM region r LEFT JOIN region_province rp ON rp.region_id = r.id
        WHERE r.id = ANY($1::uuid[]) GROUP BY r.id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.provinces]));
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
