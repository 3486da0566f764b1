import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface TagRow {
  slug: string;
  labelEn: string;
  labelFr: string;
}

/** The tag vocabulary every record type draws from. */
@Injectable()
export class TagRepository {
  constructor(private readonly dataSource: DataSource) {}

  async knownSlugs(manager: EntityManager, slugs: string[]): Promise<Set<string>> {
    const rows: { slug: string }[] = await manager.query(`SELECT slug FROM tag WHERE slug = ANY($1::text[])`, [slugs]);
    return new Set(rows.map((row) => row.slug));
  }

  list(): Promise<TagRow[]> {
    return this.dataSource.query(`SELECT slug, label_en AS "labelEn", label_fr AS "labelFr" FROM tag ORDER BY slug`);
  }

  /** The new tag, or null when the slug exists already. */
  async insert(tag: TagRow): Promise<TagRow | null> {
    const rows: TagRow[] = await this.dataSource.query(
      `INSERT INTO tag (slug, label_en, label_fr) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING
       RETURNING slug, label_en AS "labelEn", label_fr AS "labelFr"`,
      [tag.slug, tag.labelEn, tag.labelFr],
    );
    return rows[0] ?? null;
  }
}
