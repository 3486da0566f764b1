import { permittedFieldsOf } from '@casl/ability/extra';
import { actions, subjectNames, type Actor, type Role } from './authz.types';
import { defineAbilityFor, subject } from './define-ability';
import { allowedActions, canReadField, permittedFields, reachesEveryRecord } from './ability-helpers';
import { personalFields } from './record-fields';

const actor = (id: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
  id,
  role,
  provinceCodes: [],
  organizationId: null,
  ...extra,
});
const admin = defineAbilityFor(actor('admin-1', 'ADMIN'));
const staff = defineAbilityFor(actor('staff-1', 'STAFF'));
const coordinator = defineAbilityFor(actor('coord-1', 'COORDINATOR', { provinceCodes: ['ON'] }));
const member = defineAbilityFor(actor('member-1', 'MEMBER', { organizationId: 'org-1' }));
const funder = defineAbilityFor(actor('funder-1', 'FUNDER'));

const personFields = ['id', 'firstName', 'lastName', 'emails', 'provinceCode', 'ownerId', 'createdById', 'livedExperience'];
const ownedPerson = { id: 'p1', provinceCode: 'ON', ownerId: 'coord-1', createdById: 'coord-9' };
const createdPerson = { id: 'p2', provinceCode: 'ON', ownerId: 'coord-9', createdById: 'coord-1' };
const otherPerson = { id: 'p3', provinceCode: 'ON', ownerId: 'coord-9', createdById: 'coord-9' };

describe('lived experience (field level)', () => {
  it.each([
    ['admin can read the lived experience of any person', admin, otherPerson, true],
    ['staff can read the lived experience of any person', staff, otherPerson, true],
    ['coordinator can read the lived experience of a person they own', coordinator, ownedPerson, true],
    ['coordinator cannot read the lived experience of a person they only created', coordinator, createdPerson, false],
    ['coordinator cannot read the lived experience of a person in their region they do not own', coordinator, otherPerson, false],
    ['coordinator cannot read the lived experience of a person they own outside their regions', coordinator, { ...ownedPerson, provinceCode: 'BC' }, false],
  ])('%s', (_name, ability, record, expected) => {
    expect(canReadField(ability, 'read', 'Person', 'livedExperience', record)).toBe(expected);
  });

  it('coordinator can update a person they created but not its lived experience', () => {
    expect(coordinator.can('update', subject('Person', { ...createdPerson }))).toBe(true);
    expect(canReadField(coordinator, 'update', 'Person', 'firstName', createdPerson)).toBe(true);
    expect(canReadField(coordinator, 'update', 'Person', 'livedExperience', createdPerson)).toBe(false);
  });

  it('coordinator can update the lived experience of a person they own', () => {
    expect(canReadField(coordinator, 'update', 'Person', 'livedExperience', ownedPerson)).toBe(true);
  });

  it('coordinator cannot export the lived experience of a person they do not own', () => {
    expect(canReadField(coordinator, 'export', 'Person', 'livedExperience', otherPerson)).toBe(false);
    expect(canReadField(coordinator, 'export', 'Person', 'firstName', otherPerson)).toBe(true);
  });

  it('coordinator can create a person with lived experience only if they will own it', () => {
    expect(canReadField(coordinator, 'create', 'Person', 'livedExperience', { provinceCode: 'ON', ownerId: 'coord-1' })).toBe(true);
    expect(canReadField(coordinator, 'create', 'Person', 'livedExperience', { provinceCode: 'ON', ownerId: 'coord-9' })).toBe(false);
  });

  it('permitted fields of a person a coordinator does not own leave out lived experience', () => {
    expect(permittedFields(coordinator, 'read', 'Person', personFields, otherPerson)).toEqual(personFields.filter((f) => f !== 'livedExperience'));
  });

  it('permitted fields of a person a coordinator owns include lived experience', () => {
    expect(permittedFields(coordinator, 'read', 'Person', personFields, ownedPerson)).toEqual(personFields);
  });

  it('permitted fields of a person outside a coordinator region are none', () => {
    expect(permittedFields(coordinator, 'read', 'Person', personFields, { ...otherPerson, provinceCode: 'BC' })).toEqual([]);
  });

  it("works with CASL's own permittedFieldsOf", () => {
    const fieldsFrom = (rule: { fields?: string[] }) => rule.fields ?? personFields;
    expect(permittedFieldsOf(coordinator, 'read', subject('Person', { ...otherPerson }), { fieldsFrom })).not.toContain('livedExperience');
    expect(permittedFieldsOf(staff, 'read', subject('Person', { ...otherPerson }), { fieldsFrom })).toContain('livedExperience');
  });

  it('does not tag or change the record it is given', () => {
    const record = { ...ownedPerson };
    canReadField(coordinator, 'read', 'Person', 'livedExperience', record);
    expect(Object.getOwnPropertyNames(record)).toEqual(Object.getOwnPropertyNames(ownedPerson));
    expect(canReadField(coordinator, 'read', 'Organization', 'notes', record)).toBe(true);
  });
});

describe('funder and personal data', () => {
  const withPersonalData = subjectNames.filter((s) => personalFields[s].length > 0 && s !== 'User');

  it.each(withPersonalData)('funder can do nothing with %s records nor see their personal fields', (subjectType) => {
    for (const action of actions) {
      expect(funder.can(action, subjectType)).toBe(false);
      for (const field of personalFields[subjectType]) expect(canReadField(funder, action, subjectType, field)).toBe(false);
    }
  });

  it("funder cannot read another user's name or e-mail", () => {
    for (const field of personalFields.User) expect(canReadField(funder, 'read', 'User', field, { id: 'staff-1' })).toBe(false);
  });

  it('funder can read their own name and e-mail', () => {
    for (const field of personalFields.User) expect(canReadField(funder, 'read', 'User', field, { id: 'funder-1' })).toBe(true);
  });

  it('only reports, campaigns, regions and their own user are readable by a funder', () => {
    expect(subjectNames.filter((s) => funder.can('read', s))).toEqual(['User', 'Campaign', 'Region', 'Report']);
  });
});

describe('allowedActions', () => {
  it('lists what a coordinator may do with a person they own in their region', () => {
    expect(allowedActions(coordinator, subject('Person', { ...ownedPerson }))).toEqual(['read', 'create', 'update', 'archive', 'export', 'import']);
  });

  it('lists only reading for a person in their region they neither created nor own', () => {
    expect(allowedActions(coordinator, subject('Person', { ...otherPerson }))).toEqual(['read', 'create', 'export', 'import']);
  });

  it('lists nothing for a person outside their regions', () => {
    expect(allowedActions(coordinator, subject('Person', { ...otherPerson, provinceCode: 'BC' }))).toEqual([]);
  });

  it('lists what a member may do with events', () => {
    expect(allowedActions(member, 'Event')).toEqual(['read', 'create', 'update']);
  });

  it('lists only create on toolkit requests for the public', () => {
    expect(allowedActions(defineAbilityFor(null), 'ToolkitRequest')).toEqual(['create']);
  });
});

describe('reachesEveryRecord', () => {
  it.each([
    ['admin', admin, true],
    ['staff', staff, true],
    ['a coordinator (their regions only)', coordinator, false],
    ['a member (their organization only)', member, false],
    ['a funder (no person at all)', funder, false],
  ])('%s reads every person: %s', (_name, ability, expected) => {
    expect(reachesEveryRecord(ability, 'read', 'Person')).toBe(expected);
  });

  it('a coordinator reaches every person of a region yet not every person', () => {
    expect(coordinator.can('read', subject('Person', { provinceCode: 'ON' }))).toBe(true);
    expect(reachesEveryRecord(coordinator, 'read', 'Person')).toBe(false);
  });
});
