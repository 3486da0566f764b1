import { engagementStageValues, type EngagementStage } from '@crm/contracts';

/**
 * THE ladder of engagement (decision 081): every rule that places a person, in one
 * table. A person stands on the highest stage that any of their facts earns; the
 * fact that earns it (the latest such fact, then the greatest record id, so the
 * answer never depends on read order) is the explanation shown on their page.
 * Facts come from the domains through `LadderSignals`; a kind nobody reports yet
 * (pledges, attendance, hosting before the events module) simply never matches.
 *
 * The ladder only climbs with facts: a "declined" after a "committed" leaves the
 * person committed (the decline is on their timeline). Staff may override the
 * stage by hand; the override is shown as such and the derived stage stays known.
 */
export const ladderRules = [
  { fact: 'hosted', stage: 'champion', says: 'hosted an event' },
  { fact: 'pledgeFulfilled', stage: 'champion', says: 'fulfilled a pledge' },
  { fact: 'pledged', stage: 'committed', says: 'made a pledge' },
  { fact: 'committed', stage: 'committed', says: 'committed during a contact' },
  { fact: 'attended', stage: 'engaged', says: 'attended an event' },
  { fact: 'interested', stage: 'engaged', says: 'showed interest during a contact' },
  { fact: 'contacted', stage: 'contacted', says: 'was contacted' },
] as const satisfies readonly { fact: string; stage: EngagementStage; says: string }[];

export type LadderFactKind = (typeof ladderRules)[number]['fact'];
export const ladderFactKinds: readonly LadderFactKind[] = ladderRules.map((rule) => rule.fact);

/** Something a person did, as a domain reports it: ids, a date and a few codes (no personal text). */
export interface LadderFact {
  personId: string;
  kind: LadderFactKind;
  /** ISO date (YYYY-MM-DD) it happened. */
  on: string;
  recordType: string;
  recordId: string;
  /** Codes that let the page say more ("a meeting", "contact their MP"): channel, pledge action, policy ask id… */
  detail?: Record<string, string>;
}

export interface LadderPlace {
  stage: EngagementStage;
  /** The fact that earned the stage; none for "identified". */
  fact: LadderFact | null;
}

const rank = new Map(engagementStageValues.map((stage, index) => [stage, index]));
const stageOf = new Map<LadderFactKind, EngagementStage>(ladderRules.map((rule) => [rule.fact, rule.stage]));

/** Where one person's facts place them on the ladder, and why. */
export function placeOnLadder(facts: readonly LadderFact[]): LadderPlace {
  let best: LadderFact | null = null;
  for (const fact of facts) {
    if (!stageOf.has(fact.kind)) continue;
    if (best === null || outranks(fact, best)) best = fact;
  }
  return best ? { stage: stageOf.get(best.kind)!, fact: best } : { stage: 'identified', fact: null };
}

/**
 * Where each of these people stands, from the facts of all of them at once (the
 * rebuild's batches and the incremental writes both come through here): the facts
 * are grouped by person, then placed by `placeOnLadder`. A person with no fact is identified.
 */
export function placeEach(personIds: readonly string[], facts: readonly LadderFact[]): Map<string, LadderPlace> {
  const byPerson = new Map<string, LadderFact[]>(personIds.map((id) => [id, []]));
  for (const fact of facts) byPerson.get(fact.personId)?.push(fact);
  return new Map([...byPerson].map(([id, list]) => [id, placeOnLadder(list)]));
}

// Higher stage first; then the rule's order in the table; then the latest; then the greatest record id.
function outranks(a: LadderFact, b: LadderFact): boolean {
  const stageA = rank.get(stageOf.get(a.kind)!)!;
  const stageB = rank.get(stageOf.get(b.kind)!)!;
  if (stageA !== stageB) return stageA > stageB;
  const ruleA = ladderFactKinds.indexOf(a.kind);
  const ruleB = ladderFactKinds.indexOf(b.kind);
  if (ruleA !== ruleB) return ruleA < ruleB;
  if (a.on !== b.on) return a.on > b.on;
  return a.recordId > b.recordId;
}

/** The reason in plain English, kept on the person for exports and the audit trail ("committed: committed during a contact on 2026-11-12"). */
export function reasonText(place: LadderPlace, override: { stage: EngagementStage } | null): string {
  if (override) return `${override.stage}: set by hand`;
  if (!place.fact) return 'identified: no contact recorded yet';
  const rule = ladderRules.find((entry) => entry.fact === place.fact!.kind)!;
  return `${place.stage}: ${rule.says} on ${place.fact.on}`;
}
