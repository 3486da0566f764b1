import { Injectable } from '@nestjs/common';
import type { CreateTagInput } from '@crm/contracts';
import { OwnerOptionsService } from '@crm/identity';
import { BadUserInputException, type FieldProblem, type RequestContext } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';

export interface TagRow {
  slug: string;
  labelEn: string;
  labelFr: string;
}

/**
 * Checks shared by organizations and people (and the CSV import later): tags must
 * come from the vocabulary, owners must be staff or coordinators the caller may choose.
 */
@Injectable()
export class RecordRules {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: OwnerOptionsService,
  ) {}

  async assertTagsKnown(manager: EntityManager, tags: string[] | undefined, path: (string | number)[] = ['input', 'tags']): Promise<void> {
    if (!tags?.length) return;
    const rows: { slug: string }[] = await manager.query(`SELECT slug FROM tag WHERE slug = ANY($1::text[])`, [tags]);
    const known = new Set(rows.map((row) => row.slug));
    const problems: FieldProblem[] = tags.flatMap((tag, index) =>
      known.has(tag) ? [] : [{ path: [...path, index], message: `"${tag}" is not in the tag list` }],
    );
    if (problems.length) throw new BadUserInputException(problems, `Unknown tag(s): ${tags.filter((t) => !known.has(t)).join(', ')}`);
  }

  /** An owner looks after records: one of the accounts the caller may pick (identity's assignableOwners). */
  assertOwner(
    manager: EntityManager,
    ctx: RequestContext,
    ownerId: string | null | undefined,
    path: (string | number)[] = ['input', 'ownerId'],
  ): Promise<void> {
    return this.owners.assertAssignable(manager, ctx, ownerId, path);
  }

  listTags(): Promise<TagRow[]> {
    return this.dataSource.query(`SELECT slug, label_en AS "labelEn", label_fr AS "labelFr" FROM tag ORDER BY slug`);
  }

  async createTag(input: CreateTagInput): Promise<TagRow> {
    const rows: TagRow[] = await this.dataSource.query(
      `INSERT INTO tag (slug, label_en, label_fr) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING
       RETURNING slug, label_en AS "labelEn", label_fr AS "labelFr"`,
      [input.slug, input.labelEn, input.labelFr],
    );
    if (!rows[0]) throw new BadUserInputException([{ path: ['input', 'slug'], message: 'already exists' }], 'This tag already exists');
    return rows[0];
  }
}
