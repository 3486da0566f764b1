import { ladderRules, placeEach, placeOnLadder, reasonText, type LadderFact, type LadderFactKind } from './ladder-rules';

const fact = (kind: LadderFactKind, on: string, recordId = `r-${kind}-${on}`): LadderFact => ({ personId: 'p', kind, on, recordType: 'Outreach', recordId });

describe('the ladder of engagement, case by case', () => {
  // [facts, stage, the fact that explains it]
  const cases: [string, LadderFact[], string, string | null][] = [
    ['no facts: identified', [], 'identified', null],
    ['a contact with no answer: contacted', [fact('contacted', '2026-01-01')], 'contacted', 'r-contacted-2026-01-01'],
    ['interest: engaged', [fact('contacted', '2026-01-01'), fact('interested', '2026-01-05')], 'engaged', 'r-interested-2026-01-05'],
    ['attending an event: engaged', [fact('attended', '2026-02-01')], 'engaged', 'r-attended-2026-02-01'],
    ['committing during a contact: committed', [fact('interested', '2026-01-05'), fact('committed', '2026-01-09')], 'committed', 'r-committed-2026-01-09'],
    [
      'a pledge: committed, and a pledge outranks a contact on the same stage',
      [fact('committed', '2026-03-01'), fact('pledged', '2026-01-01')],
      'committed',
      'r-pledged-2026-01-01',
    ],
    ['a fulfilled pledge: champion', [fact('pledged', '2026-01-01'), fact('pledgeFulfilled', '2026-02-01')], 'champion', 'r-pledgeFulfilled-2026-02-01'],
    ['hosting an event: champion', [fact('contacted', '2026-01-01'), fact('hosted', '2025-06-20')], 'champion', 'r-hosted-2025-06-20'],
    ['a later decline does not step down', [fact('committed', '2026-01-09'), fact('contacted', '2026-02-01')], 'committed', 'r-committed-2026-01-09'],
    [
      'the latest fact of the winning kind explains',
      [fact('interested', '2026-01-05'), fact('interested', '2026-04-05')],
      'engaged',
      'r-interested-2026-04-05',
    ],
    ['same kind, same day: the greatest record id', [fact('interested', '2026-01-05', 'a'), fact('interested', '2026-01-05', 'b')], 'engaged', 'b'],
    ['an unknown kind never matches', [{ ...fact('contacted', '2026-01-01'), kind: 'sentFlowers' as LadderFactKind }], 'identified', null],
  ];

  it.each(cases)('%s', (_name, facts, stage, explainedBy) => {
    const place = placeOnLadder(facts);
    expect(place.stage).toBe(stage);
    expect(place.fact?.recordId ?? null).toBe(explainedBy);
    // The answer never depends on the order the domains reported the facts in.
    expect(placeOnLadder([...facts].reverse())).toEqual(place);
  });

  it('has one rule per fact kind, highest stage first', () => {
    const order = ['champion', 'committed', 'engaged', 'contacted'];
    const kinds = ladderRules.map((rule) => rule.fact);
    expect(new Set(kinds).size).toBe(kinds.length);
    const ranks = ladderRules.map((rule) => order.indexOf(rule.stage));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('says why in words, and says when a stage was set by hand', () => {
    expect(reasonText(placeOnLadder([fact('pledged', '2026-11-12')]), null)).toBe('committed: made a pledge on 2026-11-12');
    expect(reasonText(placeOnLadder([]), null)).toBe('identified: no contact recorded yet');
    expect(reasonText(placeOnLadder([]), { stage: 'champion' })).toBe('champion: set by hand');
  });

  it('places a batch of people at once exactly as one by one (the rebuild and the incremental writes share it)', () => {
    const of = (personId: string, kind: LadderFactKind, on: string): LadderFact => ({ ...fact(kind, on, `${personId}-${kind}-${on}`), personId });
    const facts = [
      of('a', 'contacted', '2026-01-01'),
      of('b', 'interested', '2026-01-02'),
      of('a', 'committed', '2026-01-03'),
      of('b', 'hosted', '2025-01-01'),
      of('stranger', 'hosted', '2025-01-01'),
    ];
    const places = placeEach(['a', 'b', 'c'], facts);
    expect([...places.keys()]).toEqual(['a', 'b', 'c']);
    expect(places.get('a')).toEqual(placeOnLadder(facts.filter((f) => f.personId === 'a')));
    expect(places.get('b')).toEqual(placeOnLadder(facts.filter((f) => f.personId === 'b')));
    expect(places.get('b')?.stage).toBe('champion');
    // No fact: identified; a fact about someone not asked for is ignored.
    expect(places.get('c')).toEqual({ stage: 'identified', fact: null });
    expect(places.has('stranger')).toBe(false);
  });
});
