import { defineAbilityFor } from '@crm/authz';
import { OrganizationBulkRepository } from '@crm/organizations';
import { PersonBulkRepository, PersonImportTarget, type PersonState } from '@crm/people';
import { TransferRegistry, type ImportTarget } from '@crm/records';
import { merge as mergeInto, planChunk, richerSpelling, type FileRef, type PlanInput } from './import-planner';

// People's target as the example (the planner plans any registered target the same way).
const people = new PersonImportTarget(new PersonBulkRepository(), new OrganizationBulkRepository(), new TransferRegistry()) as unknown as ImportTarget;
const merge = (_kind: 'people', state: PersonState, values: Record<string, unknown>, provided: string[]) => mergeInto(people, state, values, provided);

const coordinator = { id: 'coord-1', role: 'COORDINATOR' as const, provinceCodes: ['ON'], organizationId: null };
const staff = { id: 'staff-1', role: 'STAFF' as const, provinceCodes: [], organizationId: null };

const context = (actor: typeof coordinator | typeof staff, policy: 'UPDATE' | 'SKIP') => ({
  target: people,
  ability: defineAbilityFor(actor),
  actor,
  policy,
});

const row = (rowNumber: number, values: Record<string, unknown>, provided = Object.keys(values)): PlanInput => ({
  rowNumber,
  input: { values: { lastName: '', emails: [], phones: [], tags: [], ...values }, provided },
  problems: [],
});

const person = (values: Partial<PersonState>): PersonState => ({
  id: 'p-1',
  firstName: 'Dana',
  lastName: 'Scully',
  preferredLanguage: 'en',
  emails: ['dana@example.org'],
  phones: [],
  leaderCategory: null,
  provinceCode: 'ON',
  city: null,
  ownerId: null,
  createdById: null,
  consentEmail: false,
  consentPhone: false,
  doNotContact: false,
  livedExperience: false,
  tags: ['youth'],
  notes: 'First met in May.',
  version: 3,
  ...values,
});

describe('planChunk', () => {
  it('creates new people owned by the coordinator who adds them, and refuses other provinces', () => {
    const planned = planChunk(
      context(coordinator, 'SKIP'),
      [row(1, { firstName: 'A', provinceCode: 'ON', emails: ['a@example.org'] }), row(2, { firstName: 'B', provinceCode: 'QC' })],
      [['a@example.org'], []],
      [[], []],
      new Map(),
    );
    expect(planned.map((p) => p.fate)).toEqual(['create', 'error']);
    expect(planned[0].pending!.state).toMatchObject({ ownerId: 'coord-1', createdById: 'coord-1', provinceCode: 'ON' });
    expect(planned[1].problems).toEqual([
      { field: 'provinceCode', column: null, message: 'QC is outside your regions', code: 'importOutsideRegions', params: { province: 'QC' } },
    ]);
  });

  it('folds a later row of the file into the record an earlier row creates (UPDATE) or skips it (SKIP)', () => {
    const rows = [
      row(1, { firstName: 'A', provinceCode: 'ON', emails: ['a@example.org'], tags: ['youth'] }),
      row(2, { firstName: 'B', provinceCode: 'ON', emails: ['a@example.org'], tags: ['housing'] }, ['firstName', 'emails', 'tags']),
    ];
    const keys = [['a@example.org'], ['a@example.org']];
    const update = planChunk(context(staff, 'UPDATE'), rows, keys, [[], []], new Map());
    expect(update.map((p) => [p.fate, p.duplicateOfRow])).toEqual([
      ['create', null],
      ['update', 1],
    ]);
    expect(update[1].pending).toBe(update[0].pending);
    expect(update[0].pending!.state).toMatchObject({ firstName: 'B', tags: ['youth', 'housing'] });
    const skip = planChunk(context(staff, 'SKIP'), rows, keys, [[], []], new Map());
    expect(skip.map((p) => [p.fate, p.duplicateOfRow])).toEqual([
      ['create', null],
      ['skip', 1],
    ]);
  });

  it('remembers earlier rows across chunks by key only', () => {
    const file = new Map<string, FileRef>([['a@example.org', { rowNumber: 7, matchId: null, pending: null }]]);
    const planned = planChunk(
      context(staff, 'UPDATE'),
      [row(9, { firstName: 'A', provinceCode: 'ON', emails: ['a@example.org'] })],
      [['a@example.org']],
      [[]],
      file,
    );
    expect(planned[0]).toMatchObject({ fate: 'update', duplicateOfRow: 7, pending: null });
  });

  it('updates an existing person only if the importer may edit them, and refuses an ambiguous match', () => {
    const existing = person({ createdById: 'someone-else' });
    const refused = planChunk(
      context(coordinator, 'UPDATE'),
      [row(1, { firstName: 'Dana', provinceCode: 'ON', emails: ['dana@example.org'] })],
      [['dana@example.org']],
      [[existing]],
      new Map(),
    );
    expect(refused[0].problems[0].message).toBe('matches an existing person you may not edit (ask their owner or national staff)');
    const own = planChunk(
      context(coordinator, 'UPDATE'),
      [row(1, { firstName: 'Dana', provinceCode: 'ON', emails: ['dana@example.org'] })],
      [['dana@example.org']],
      [[person({ ownerId: 'coord-1' })]],
      new Map(),
    );
    expect(own[0]).toMatchObject({ fate: 'update', matchId: 'p-1' });
    const twice = planChunk(
      context(staff, 'UPDATE'),
      [row(1, { firstName: 'Dana', provinceCode: 'ON', emails: ['a@x.org', 'b@x.org'] })],
      [['a@x.org', 'b@x.org']],
      [[person({ id: 'p-1' }), person({ id: 'p-2' })]],
      new Map(),
    );
    expect(twice[0].problems[0].message).toBe('matches 2 existing people: merge them first');
  });

  it('does not let a coordinator move a person they own out of their regions', () => {
    const planned = planChunk(
      context(coordinator, 'UPDATE'),
      [row(1, { firstName: 'Dana', provinceCode: 'QC', emails: ['dana@example.org'] })],
      [['dana@example.org']],
      [[person({ ownerId: 'coord-1' })]],
      new Map(),
    );
    expect(planned[0].problems[0]).toMatchObject({ field: 'provinceCode', message: 'would put the person outside what you may edit' });
  });
});

describe('merge', () => {
  it('replaces given fields, adds to lists, appends notes, never clears', () => {
    const merged = merge(
      'people',
      person({}),
      { firstName: 'Dana K.', emails: ['d2@example.org'], tags: ['youth', 'housing'], notes: 'Spoke at the forum.', city: undefined },
      ['firstName', 'emails', 'tags', 'notes'],
    );
    expect(merged).toMatchObject({
      firstName: 'Dana K.',
      lastName: 'Scully',
      emails: ['dana@example.org', 'd2@example.org'],
      tags: ['youth', 'housing'],
      notes: 'First met in May.\n\nSpoke at the forum.',
      version: 3,
    });
    // The same notes again are not appended twice.
    expect((merge('people', merged as PersonState, { notes: 'Spoke at the forum.' }, ['notes']) as PersonState).notes).toBe(
      'First met in May.\n\nSpoke at the forum.',
    );
  });

  it('refuses an update that would exceed a list limit', () => {
    const full = person({ emails: ['1@x.org', '2@x.org', '3@x.org', '4@x.org', '5@x.org'] });
    expect(merge('people', full, { emails: ['6@x.org'] }, ['emails'])).toBe('would give the person more than 5 e-mail addresses');
  });
});

describe('richerSpelling: a merge never replaces a value by a poorer spelling of it', () => {
  it.each([
    ['Émilie Côté', 'Emilie Cote', 'Émilie Côté'],
    ['Ottawa', 'ottawa', 'Ottawa'],
    ['Montréal', 'MONTREAL', 'Montréal'],
    ['Emilie Cote', 'Émilie Côté', 'Émilie Côté'],
    ['marie', 'Marie', 'Marie'],
    ['Ottawa', 'Gatineau', 'Gatineau'],
    ['Cote', 'Côte', 'Côte'],
  ])('%s, then %s from the file → %s', (current, incoming, kept) => {
    expect(richerSpelling(current, incoming)).toBe(kept);
  });

  it('applies to every text field of a merge (a later row of the same person, or the record)', () => {
    const person = { firstName: 'Émilie', lastName: 'Côté', city: 'Montréal', tags: [], emails: [], phones: [], notes: null } as unknown as PersonState;
    const merged = merge('people', person, { firstName: 'Emilie', lastName: 'Cote', city: 'montreal' }, ['firstName', 'lastName', 'city']) as PersonState;
    expect([merged.firstName, merged.lastName, merged.city]).toEqual(['Émilie', 'Côté', 'Montréal']);
  });
});
