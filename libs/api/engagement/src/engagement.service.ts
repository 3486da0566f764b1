import { Injectable } from '@nestjs/common';
import type { EngagementStage, SetEngagementOverrideInput } from '@crm/contracts';
import { PeopleService } from '@crm/people';
import { AuditService, ForbiddenException, type RequestContext } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EngagementRepository, type EngagementStateRow, type LockedState } from './engagement.repository';
import { ladderFactKinds, placeEach, placeOnLadder, reasonText, type LadderFact, type LadderFactKind, type LadderPlace } from './ladder-rules';
import { retryOnDeadlock } from './retry-on-deadlock';
import { LadderSignals } from './ladder-signals';

/**
 * People placed per rebuild transaction (decision 092). Each signal reads the facts
 * of the whole batch in one statement; bigger batches mean fewer passes over the
 * outreach table (its rows of 20,000 people are spread over most of its pages).
 */
export const rebuildBatchSize = 50_000;

/** What a rebuild did, and where its time went (the command prints it). */
export interface RebuildResult {
  people: number;
  changed: number;
  batches: number;
  /** Milliseconds spent locking and reading facts, and writing the stages. */
  readMs: number;
  writeMs: number;
}

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
    return (await this.place(manager, ctx, ids)).changed;
  }

  /**
   * One person, one new fact (a contact just logged, nothing else of theirs changed): the
   * ladder's order is total and the best of a person's facts is stored with their state,
   * so their place is the better of the stored fact and the new one (decision 115) — what
   * `recompute` finds, as every write that changes a fact places its person again in its
   * transaction. One locking statement instead of one per signal; a person without a stored
   * fact (never placed, or placed identified) is placed from all their facts as before.
   */
  async placeWithNewFact(manager: EntityManager, ctx: RequestContext | null, fact: LadderFact): Promise<number> {
    const stored = await this.repository.lockStates(manager, [fact.personId]);
    const now = stored.get(fact.personId);
    if (!now || now.neverPlaced || !now.factKind || !ladderFactKinds.includes(now.factKind as LadderFactKind)) {
      const places = placeEach([fact.personId], await this.signals.factsOf(manager, [fact.personId]));
      return (await this.write(manager, ctx, stored, places)).changed;
    }
    const best: LadderFact = {
      personId: fact.personId,
      kind: now.factKind as LadderFactKind,
      on: now.factOn!,
      recordType: now.factRecordType!,
      recordId: now.factRecordId!,
      detail: now.factDetail ?? {},
    };
    return (await this.write(manager, ctx, stored, new Map([[fact.personId, placeOnLadder([best, fact])]]))).changed;
  }

  /**
   * Every person placed again from their records (decision 092): keyset batches of
   * `batchSize` people by id, each in its own transaction through the same `place`
   * as the incremental writes (lock the batch's states, one statement per signal for
   * all their facts, the rule table in memory, one statement per table to write).
   */
  async rebuildAll(onBatch?: (done: number) => void, batchSize = rebuildBatchSize): Promise<RebuildResult> {
    const result: RebuildResult = { people: 0, changed: 0, batches: 0, readMs: 0, writeMs: 0 };
    let after: string | null = null;
    for (;;) {
      const ids = await this.repository.personIdsAfter(after, batchSize);
      if (!ids.length) break;
      const batch = await retryOnDeadlock(() =>
        this.dataSource.transaction(async (manager) => {
          // A batch's facts are sorted by the signals' DISTINCT ON: in memory, not on disk.
          await manager.query(`SET LOCAL work_mem = '128MB'`);
          return this.place(manager, null, ids);
        }),
      );
      result.people += ids.length;
      result.changed += batch.changed;
      result.batches += 1;
      result.readMs += batch.readMs;
      result.writeMs += batch.writeMs;
      after = ids[ids.length - 1];
      onBatch?.(result.people);
    }
    return result;
  }

  /**
   * Places these people (sorted, distinct) in the caller's transaction: their states
   * locked in id order, every signal's facts read for all of them, the rule table
   * applied in memory, the derived states and the people's stages each written in
   * one statement. An override stays the stage shown; the derived stage is kept beside it.
   */
  private async place(
    manager: EntityManager,
    ctx: RequestContext | null,
    ids: readonly string[],
  ): Promise<{ changed: number; readMs: number; writeMs: number }> {
    const started = Date.now();
    const stored = await this.repository.lockStates(manager, ids);
    const places = placeEach(ids, await this.signals.factsOf(manager, ids));
    const read = Date.now();
    const { changed } = await this.write(manager, ctx, stored, places);
    return { changed, readMs: read - started, writeMs: Date.now() - read };
  }

  /** Writes what changed of these places (their states locked): derived states, then the people's stages, one statement each. */
  private async write(
    manager: EntityManager,
    ctx: RequestContext | null,
    stored: Map<string, LockedState>,
    places: Map<string, LadderPlace>,
  ): Promise<{ changed: number }> {
    const derived = new Map<string, LadderPlace>();
    const stages: { personId: string; stage: EngagementStage; reason: string }[] = [];
    const untouched: string[] = [];
    for (const [personId, place] of places) {
      const now = stored.get(personId);
      const override = now?.overrideStage ?? null;
      const stage = override ?? place.stage;
      const reason = reasonText(place, override ? { stage: override } : null);
      // Someone the ladder never placed who stays identified with nothing to explain is left
      // as they were (no state row, no reason), whichever path looked at them: rebuilds stay equal.
      if (now?.neverPlaced && !place.fact && !override && now.stage === 'identified' && now.reason === null) {
        untouched.push(personId);
        continue;
      }
      if (!now || !sameDerived(now, place)) derived.set(personId, place);
      if (!now || now.stage !== stage || (now.reason ?? '') !== reason.slice(0, maxReasonLength)) stages.push({ personId, stage, reason });
    }
    // Only what changed is written: a rebuild of a consistent ladder reads and writes nothing.
    await this.repository.forgetNeverPlaced(manager, untouched);
    await this.repository.saveDerived(manager, derived);
    return { changed: await this.people.setEngagementStages(manager, ctx, stages) };
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

/** `person.engagement_reason` keeps this many characters (PeopleService cuts it). */
const maxReasonLength = 500;

function sameDerived(stored: LockedState, place: LadderPlace): boolean {
  const fact = place.fact;
  return (
    stored.derivedStage === place.stage &&
    stored.factKind === (fact?.kind ?? null) &&
    stored.factOn === (fact?.on ?? null) &&
    stored.factRecordType === (fact?.recordType ?? null) &&
    stored.factRecordId === (fact?.recordId ?? null) &&
    canonical(stored.factDetail ?? {}) === canonical(fact?.detail ?? {})
  );
}

// jsonb gives keys back in its own order: compare by sorted keys.
function canonical(detail: Record<string, string>): string {
  return JSON.stringify(Object.entries(detail).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
