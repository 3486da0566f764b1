import { Injectable } from '@nestjs/common';
import type { CreateTagInput } from '@crm/contracts';
import { OwnerOptionsService } from '@crm/identity';
import { BadUserInputException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import { TagRepository, type TagRow } from './tag.repository';

/**
 * Checks every record type shares (and the CSV import): tags must come from the
 * vocabulary, owners must be staff or coordinators the caller may choose.
 */
@Injectable()
export class RecordRules {
  constructor(
    private readonly tags: TagRepository,
    private readonly owners: OwnerOptionsService,
  ) {}

  async assertTagsKnown(manager: EntityManager, tags: string[] | undefined, path: (string | number)[] = ['input', 'tags']): Promise<void> {
    if (!tags?.length) return;
    const known = await this.tags.knownSlugs(manager, tags);
    const problems: FieldProblemInput[] = tags.flatMap((tag, index) =>
      known.has(tag) ? [] : [{ path: [...path, index], code: 'tagUnknown', params: { tag } }],
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
    return this.tags.list();
  }

  async createTag(input: CreateTagInput): Promise<TagRow> {
    const created = await this.tags.insert({ slug: input.slug, labelEn: input.labelEn, labelFr: input.labelFr });
    if (!created) throw new BadUserInputException([{ path: ['input', 'slug'], code: 'tagExists' }], 'This tag already exists');
    return created;
  }
}
