import { Injectable } from '@nestjs/common';
import type { EngagementStage, SetEngagementOverrideInput } from '@crm/contracts';
import { PeopleService } from '@crm/people';
import { AuditService, ForbiddenException, type RequestContext } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EngagementRepository, type EngagementStateRow } from './engagement.repository';
import { placeOnLadder, reasonText, type LadderFact, type LadderPlace } from './ladder-rules';
import { LadderSignals } from './ladder-signals';

const rebuildBatch = 1000;

@Injectable()
export class EngagementService {
  constructor(
    private readonly repository: EngagementRepository,
    private readonly signals: LadderSignals,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Places these people on the ladder again from all their facts, in the caller's
   * transaction (the write that changed a fact): the stage can never lag its records.
   * The rebuild runs exactly this, so incremental and rebuilt stages are equal.
   */
  async recompute(manager: EntityManager, ctx: RequestContext | null, personIds: readonly string[]): Promise<number> {
    const ids = [...new Set(personIds)].sort();
    if (!ids.length) return 0;
    const overrides = await this.repository.lockStates(manager, ids);
    const facts = await this.signals.factsOf(manager, ids);
    const byPerson = new Map<string, LadderFact[]>(ids.map((id) => [id, []]));
    for (const fact of facts) byPerson.get(fact.personId)?.push(fact);
    const places = new Map<string, LadderPlace>([...byPerson].map(([id, list]) => [id, placeOnLadder(list)]));
    await this.repository.saveDerived(manager, places);
    return this.people.setEngagementStages(
      manager,
      ctx,
      [...places].map(([personId, place]) => {
        const override = overrides.get(personId) ?? null;
        return { personId, stage: override ?? place.stage, reason: reasonText(place, override ? { stage: override } : null) };
      }),
    );
  }

  /** Every person placed again from their records, in batches; answers how many people and how many moved. */
  async rebuildAll(onBatch?: (done: number) => void): Promise<{ people: number; changed: number }> {
    let after: string | null = null;
    let people = 0;
    let changed = 0;
    for (;;) {
      const ids = await this.repository.personIdsAfter(after, rebuildBatch);
      if (!ids.length) break;
      changed += await this.dataSource.transaction((manager) => this.recompute(manager, null, ids));
      people += ids.length;
      after = ids[ids.length - 1];
      onBatch?.(people);
    }
    return { people, changed };
  }

  /** Why the person stands where they do (NOT_FOUND when the caller may not see them). */
  async explain(ctx: RequestContext, personId: string): Promise<EngagementStateRow & { stage: EngagementStage }> {
    const person = await this.people.get(ctx, personId);
    const state = await this.repository.find(personId);
    return {
      personId,
      derivedStage: state?.derivedStage ?? 'identified',
      factKind: state?.factKind ?? null,
      factOn: state?.factOn ?? null,
      factRecordType: state?.factRecordType ?? null,
      factRecordId: state?.factRecordId ?? null,
      factDetail: state?.factDetail ?? {},
      overrideStage: state?.overrideStage ?? null,
      overrideNote: state?.overrideNote ?? null,
      overrideById: state?.overrideById ?? null,
      overrideByName: state?.overrideByName ?? null,
      overrideAt: state?.overrideAt ?? null,
      stage: person.engagementStage,
    };
  }

  /** National staff only: a stage set by hand, shown as an override until cleared (null). Audited. */
  async setOverride(ctx: RequestContext, input: SetEngagementOverrideInput) {
    if (ctx.actor?.role !== 'ADMIN' && ctx.actor?.role !== 'STAFF') throw new ForbiddenException();
    await this.people.get(ctx, input.personId);
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockStates(manager, [input.personId]);
      const before = await this.repository.find(input.personId, manager);
      await this.repository.setOverride(manager, input.personId, input.stage, input.note ?? null, ctx.actor!.id);
      await this.audit.record(manager, ctx, {
        action: 'person.engagementOverride',
        subjectType: 'Person',
        subjectId: input.personId,
        before: { overrideStage: before?.overrideStage ?? null, overrideNote: before?.overrideNote ?? null },
        after: { overrideStage: input.stage, overrideNote: input.stage ? (input.note ?? null) : null },
      });
      await this.recompute(manager, ctx, [input.personId]);
    });
    return this.explain(ctx, input.personId);
  }
}
