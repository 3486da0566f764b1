import type { EntityManager } from 'typeorm';
import { defaultCampaign, provinces, regions, tags } from './reference-data';

/** Upserts provinces, regions, the tag vocabulary and the default campaign: safe to run any number of times. */
export async function seedReferenceData(db: EntityManager): Promise<void> {
  for (const [index, province] of provinces.entries()) {
    await db.query(
      `INSERT INTO province (code, name_en, name_fr, sort_order) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_fr = EXCLUDED.name_fr, sort_order = EXCLUDED.sort_order`,
      [province.code, province.nameEn, province.nameFr, index + 1],
    );
  }
  for (const region of regions) {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO region (code, name_en, name_fr) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET name_en = EXCLUDED.name_en, name_fr = EXCLUDED.name_fr
       RETURNING id`,
      [region.code, region.nameEn, region.nameFr],
    );
    await db.query(`INSERT INTO region_province (region_id, province_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [row.id, region.provinces]);
  }
  const [campaign]: { id: string }[] = await db.query(
    `INSERT INTO campaign (slug, name_en, name_fr, starts_on, ends_on, is_default) VALUES ($1, $2, $3, $4, $5, true)
     ON CONFLICT (slug) DO UPDATE SET name_en = EXCLUDED.name_en, name_fr = EXCLUDED.name_fr
     RETURNING id`,
    [defaultCampaign.slug, defaultCampaign.nameEn, defaultCampaign.nameFr, defaultCampaign.startsOn, defaultCampaign.endsOn],
  );
  for (const [index, ask] of defaultCampaign.policyAsks.entries()) {
    await db.query(
      `INSERT INTO policy_ask (campaign_id, position, title_en, title_fr) VALUES ($1, $2, $3, $4)
       ON CONFLICT (campaign_id, position) DO UPDATE SET title_en = EXCLUDED.title_en, title_fr = EXCLUDED.title_fr`,
      [campaign.id, index + 1, ask.titleEn, ask.titleFr],
    );
  }
  await db.query(
    `INSERT INTO tag (slug, label_en, label_fr) SELECT x.slug, x.label_en, x.label_fr FROM jsonb_to_recordset($1::jsonb) AS x(slug text, label_en text, ` +
      `label_fr text)
     ON CONFLICT (slug) DO UPDATE SET label_en = EXCLUDED.label_en, label_fr = EXCLUDED.label_fr`,
    [JSON.stringify(tags.map((tag) => ({ slug: tag.slug, label_en: tag.labelEn, label_fr: tag.labelFr })))],
  );
}
