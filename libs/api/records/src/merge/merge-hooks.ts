import type { RequestContext } from '@crm/platform';
import type { EntityManager } from 'typeorm';

export interface MergeStep {
  manager: EntityManager;
  ctx: RequestContext;
  survivorId: string;
  duplicateId: string;
}

/** Moves what points at the duplicate over to the survivor; returns how many rows moved. */
export type MergeHook = (step: MergeStep) => Promise<number>;

/**
 * What other modules attach to a record, moved when two records merge. Each
 * mergeable record type has one instance (OrganizationMergeHooks, PersonMergeHooks);
 * modules that point at that record register there at start-up (people:
 * affiliations; later outreach, pledges, event RSVPs and hosts, storytellers…), so
 * merging never needs to know them. Hooks run in the merge's transaction, in order.
 */
export class MergeHooks {
  private readonly hooks: { name: string; hook: MergeHook }[] = [];

  register(name: string, hook: MergeHook): void {
    if (this.hooks.some((entry) => entry.name === name)) throw new Error(`merge hook "${name}" is registered twice`);
    this.hooks.push({ name, hook });
  }

  /** Runs every hook; returns rows moved per hook name (for the audit entry and timeline). */
  async run(step: MergeStep): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    for (const { name, hook } of this.hooks) moved[name] = await hook(step);
    return moved;
  }
}
