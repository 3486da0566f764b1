import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LadderFact } from './ladder-rules';

/**
 * Reports the ladder facts of some people, read in the caller's transaction. A
 * domain answers for its own records only (outreach: contacts; events: attendance
 * and hosting; pledges: pledged and fulfilled), and may answer just the facts that
 * can matter (the latest of each kind per person).
 */
export type LadderSignal = (manager: EntityManager, personIds: readonly string[]) => Promise<LadderFact[]>;

/**
 * The ladder's inputs, pluggable (decision 081): a domain registers its signal once,
 * at start-up, and calls `EngagementService.recompute(manager, ctx, personIds)` in
 * the transaction of any write that may change its facts.
 */
@Injectable()
export class LadderSignals {
  private readonly signals = new Map<string, LadderSignal>();

  register(name: string, signal: LadderSignal): void {
    if (this.signals.has(name)) throw new Error(`ladder signal "${name}" is registered twice`);
    this.signals.set(name, signal);
  }

  async factsOf(manager: EntityManager, personIds: readonly string[]): Promise<LadderFact[]> {
    if (personIds.length === 0) return [];
    let facts: LadderFact[] = [];
    // concat, not push(...): a rebuild batch brings hundreds of thousands of facts.
    for (const signal of this.signals.values()) facts = facts.concat(await signal(manager, personIds));
    return facts;
  }
}
