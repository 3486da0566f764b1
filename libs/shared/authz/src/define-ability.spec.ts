import { actions, subjectNames, type Action, type Actor, type AppAbility, type AppSubject, type Role, type SubjectName } from './authz.types';
import { defineAbilityFor, subject } from './define-ability';
import { conditionFields } from './record-fields';

const actor = (id: string, role: Role, extra: Partial<Actor> = {}): Actor => ({
  id,
  role,
  provinceCodes: [],
  organizationId: null,
  ...extra,
});

const actors = {
  admin: actor('admin-1', 'ADMIN'),
  staff: actor('staff-1', 'STAFF'),
  coordinator: actor('coord-1', 'COORDINATOR', { provinceCodes: ['ON', 'QC'] }),
  coordinatorWithoutRegion: actor('coord-2', 'COORDINATOR'),
  member: actor('member-1', 'MEMBER', { organizationId: 'org-1' }),
  memberWithoutOrganization: actor('member-2', 'MEMBER'),
  funder: actor('funder-1', 'FUNDER'),
  anonymous: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof actors;

const abilityOf = (name: ActorName): AppAbility => defineAbilityFor(actors[name]);

describe('defineAbilityFor: what each role may do with a subject type', () => {
  const cases: Array<[string, ActorName, Action, SubjectName, boolean]> = [
    ['admin can invite users', 'admin', 'invite', 'User', true],
    ['admin can read the audit log', 'admin', 'read', 'AuditEntry', true],
    ['admin can manage queues', 'admin', 'manage', 'Queue', true],
    ['admin can read mail messages', 'admin', 'read', 'MailMessage', true],
    ['admin can update regions', 'admin', 'update', 'Region', true],
    ['admin can merge people', 'admin', 'merge', 'Person', true],

    ['staff can read people', 'staff', 'read', 'Person', true],
    ['staff can merge people', 'staff', 'merge', 'Person', true],
    ['staff can import people', 'staff', 'import', 'Person', true],
    ['staff can export outreach', 'staff', 'export', 'Outreach', true],
    ['staff can archive stories', 'staff', 'archive', 'Story', true],
    ['staff can create organizations', 'staff', 'create', 'Organization', true],
    ['staff can manage campaigns', 'staff', 'manage', 'Campaign', true],
    ['staff can update toolkit items', 'staff', 'update', 'ToolkitItem', true],
    ['staff can update toolkit requests', 'staff', 'update', 'ToolkitRequest', true],
    ['staff can read reports', 'staff', 'read', 'Report', true],
    ['staff can read regions', 'staff', 'read', 'Region', true],
    ['staff cannot update regions', 'staff', 'update', 'Region', false],
    ['staff cannot invite users', 'staff', 'invite', 'User', false],
    ['staff cannot create users', 'staff', 'create', 'User', false],
    ['staff cannot read the audit log', 'staff', 'read', 'AuditEntry', false],
    ['staff cannot read mail messages', 'staff', 'read', 'MailMessage', false],
    ['staff cannot read queues', 'staff', 'read', 'Queue', false],

    ['coordinator can read people', 'coordinator', 'read', 'Person', true],
    ['coordinator can create outreach', 'coordinator', 'create', 'Outreach', true],
    ['coordinator can export stories', 'coordinator', 'export', 'Story', true],
    ['coordinator can create events', 'coordinator', 'create', 'Event', true],
    ['coordinator can create pledges', 'coordinator', 'create', 'Pledge', true],
    ['coordinator can create toolkit requests', 'coordinator', 'create', 'ToolkitRequest', true],
    ['coordinator cannot merge people', 'coordinator', 'merge', 'Person', false],
    ['coordinator can import people', 'coordinator', 'import', 'Person', true],
    ['coordinator cannot import organizations', 'coordinator', 'import', 'Organization', false],
    ['member cannot import people', 'member', 'import', 'Person', false],
    ['coordinator can read organizations', 'coordinator', 'read', 'Organization', true],
    ['coordinator cannot create organizations', 'coordinator', 'create', 'Organization', false],
    ['coordinator cannot update organizations', 'coordinator', 'update', 'Organization', false],
    ['coordinator can read campaigns', 'coordinator', 'read', 'Campaign', true],
    ['coordinator cannot update campaigns', 'coordinator', 'update', 'Campaign', false],
    ['coordinator can read regions', 'coordinator', 'read', 'Region', true],
    ['coordinator can read reports', 'coordinator', 'read', 'Report', true],
    ['coordinator cannot create reports', 'coordinator', 'create', 'Report', false],
    ['coordinator can read toolkit items', 'coordinator', 'read', 'ToolkitItem', true],
    ['coordinator cannot update toolkit items', 'coordinator', 'update', 'ToolkitItem', false],
    ['coordinator cannot read the audit log', 'coordinator', 'read', 'AuditEntry', false],
    ['coordinator cannot invite users', 'coordinator', 'invite', 'User', false],
    ['coordinator without a region cannot read people', 'coordinatorWithoutRegion', 'read', 'Person', false],
    ['coordinator without a region cannot read organizations', 'coordinatorWithoutRegion', 'read', 'Organization', false],
    ['coordinator without a region can still read campaigns', 'coordinatorWithoutRegion', 'read', 'Campaign', true],

    ['member can read organizations', 'member', 'read', 'Organization', true],
    ['member can update organizations', 'member', 'update', 'Organization', true],
    ['member cannot create organizations', 'member', 'create', 'Organization', false],
    ['member can create events', 'member', 'create', 'Event', true],
    ['member can create pledges', 'member', 'create', 'Pledge', true],
    ['member cannot update pledges', 'member', 'update', 'Pledge', false],
    ['member can create toolkit requests', 'member', 'create', 'ToolkitRequest', true],
    ['member cannot read people', 'member', 'read', 'Person', false],
    ['member cannot read outreach', 'member', 'read', 'Outreach', false],
    ['member cannot read stories', 'member', 'read', 'Story', false],
    ['member cannot read reports', 'member', 'read', 'Report', false],
    ['member can read campaigns', 'member', 'read', 'Campaign', true],
    ['member can read regions', 'member', 'read', 'Region', true],
    ['member without an organization cannot read organizations', 'memberWithoutOrganization', 'read', 'Organization', false],
    ['member without an organization cannot create events', 'memberWithoutOrganization', 'create', 'Event', false],
    ['member without an organization cannot create toolkit requests', 'memberWithoutOrganization', 'create', 'ToolkitRequest', false],
    ['member without an organization can read campaigns', 'memberWithoutOrganization', 'read', 'Campaign', true],

    ['funder can read reports', 'funder', 'read', 'Report', true],
    ['funder cannot export reports', 'funder', 'export', 'Report', false],
    ['funder can read campaigns', 'funder', 'read', 'Campaign', true],
    ['funder can read regions', 'funder', 'read', 'Region', true],
    ['funder cannot read people', 'funder', 'read', 'Person', false],
    ['funder cannot read organizations', 'funder', 'read', 'Organization', false],
    ['funder cannot read stories', 'funder', 'read', 'Story', false],
    ['funder cannot read events', 'funder', 'read', 'Event', false],

    ['anonymous can create a toolkit request', 'anonymous', 'create', 'ToolkitRequest', true],
    ['anonymous can read campaigns', 'anonymous', 'read', 'Campaign', true],
    ['anonymous cannot read toolkit requests', 'anonymous', 'read', 'ToolkitRequest', false],
    ['anonymous cannot read people', 'anonymous', 'read', 'Person', false],
  ];

  it.each(cases)('%s', (_name, who, action, subjectType, expected) => {
    expect(abilityOf(who).can(action, subjectType)).toBe(expected);
  });
});

describe('defineAbilityFor: checks on one record', () => {
  const person = (fields: { provinceCode: string; ownerId?: string | null; createdById?: string | null }) =>
    subject('Person', { firstName: 'Amal', ownerId: null, createdById: null, ...fields });

  const cases: Array<[string, ActorName, Action, AppSubject, boolean]> = [
    ['coordinator can read a person in their region', 'coordinator', 'read', person({ provinceCode: 'ON' }), true],
    ['coordinator can export a person in their region', 'coordinator', 'export', person({ provinceCode: 'QC' }), true],
    ['coordinator cannot read a person outside their regions', 'coordinator', 'read', person({ provinceCode: 'BC' }), false],
    ['coordinator cannot create a person outside their regions', 'coordinator', 'create', person({ provinceCode: 'BC' }), false],
    [
      'coordinator cannot update a person in their region they neither created nor own',
      'coordinator',
      'update',
      person({ provinceCode: 'ON', ownerId: 'coord-9', createdById: 'coord-9' }),
      false,
    ],
    [
      'coordinator cannot archive a person in their region they neither created nor own',
      'coordinator',
      'archive',
      person({ provinceCode: 'ON', ownerId: 'coord-9', createdById: 'coord-9' }),
      false,
    ],
    ['coordinator can update a person in their region they created', 'coordinator', 'update', person({ provinceCode: 'ON', createdById: 'coord-1' }), true],
    ['coordinator can update a person in their region they own', 'coordinator', 'update', person({ provinceCode: 'QC', ownerId: 'coord-1' }), true],
    ['coordinator can archive a person in their region they own', 'coordinator', 'archive', person({ provinceCode: 'QC', ownerId: 'coord-1' }), true],
    ['coordinator cannot update a person they own outside their regions', 'coordinator', 'update', person({ provinceCode: 'BC', ownerId: 'coord-1' }), false],
    [
      'coordinator cannot update a person they created outside their regions',
      'coordinator',
      'update',
      person({ provinceCode: 'BC', createdById: 'coord-1' }),
      false,
    ],
    [
      'coordinator cannot archive a person they created outside their regions',
      'coordinator',
      'archive',
      person({ provinceCode: 'MB', createdById: 'coord-1' }),
      false,
    ],
    ['coordinator cannot read a person they own outside their regions', 'coordinator', 'read', person({ provinceCode: 'BC', ownerId: 'coord-1' }), false],
    ['staff can update a person in any province', 'staff', 'update', person({ provinceCode: 'YT' }), true],
    ['admin can archive a person in any province', 'admin', 'archive', person({ provinceCode: 'NU' }), true],
    ['member cannot read a person even at their organization', 'member', 'read', person({ provinceCode: 'ON' }), false],
    ['funder cannot read a person', 'funder', 'read', person({ provinceCode: 'ON' }), false],

    [
      'coordinator can update outreach they recorded in their region',
      'coordinator',
      'update',
      subject('Outreach', { provinceCode: 'ON', createdById: 'coord-1' }),
      true,
    ],
    [
      'coordinator cannot update outreach someone else recorded',
      'coordinator',
      'update',
      subject('Outreach', { provinceCode: 'ON', createdById: 'coord-9', ownerId: null }),
      false,
    ],
    ['coordinator can read an organization in their region', 'coordinator', 'read', subject('Organization', { id: 'org-1', provinceCode: 'QC' }), true],
    [
      'coordinator cannot read an organization outside their regions',
      'coordinator',
      'read',
      subject('Organization', { id: 'org-2', provinceCode: 'AB' }),
      false,
    ],
    [
      'coordinator cannot update an organization they created',
      'coordinator',
      'update',
      subject('Organization', { id: 'org-1', provinceCode: 'ON', createdById: 'coord-1' }),
      false,
    ],

    ['member can read their own organization', 'member', 'read', subject('Organization', { id: 'org-1', provinceCode: 'ON' }), true],
    ['member can update their own organization', 'member', 'update', subject('Organization', { id: 'org-1', provinceCode: 'ON' }), true],
    ['member cannot read another organization', 'member', 'read', subject('Organization', { id: 'org-2', provinceCode: 'ON' }), false],
    ['member can update an event their organization hosts', 'member', 'update', subject('Event', { organizationId: 'org-1', provinceCode: 'ON' }), true],
    ['member cannot read an event another organization hosts', 'member', 'read', subject('Event', { organizationId: 'org-2', provinceCode: 'ON' }), false],
    ['member can read their organization pledges', 'member', 'read', subject('Pledge', { organizationId: 'org-1' }), true],
    ['member cannot update their organization pledges', 'member', 'update', subject('Pledge', { organizationId: 'org-1' }), false],
    ['member cannot read another organization toolkit request', 'member', 'read', subject('ToolkitRequest', { organizationId: 'org-2' }), false],
    [
      'member without an organization cannot read an organization with no id',
      'memberWithoutOrganization',
      'read',
      subject('Organization', { id: null as unknown as string }),
      false,
    ],

    ['staff can read their own user', 'staff', 'read', subject('User', { id: 'staff-1' }), true],
    ['staff can update their own user', 'staff', 'update', subject('User', { id: 'staff-1' }), true],
    ['staff cannot read another user', 'staff', 'read', subject('User', { id: 'admin-1' }), false],
    ['staff cannot update another user', 'staff', 'update', subject('User', { id: 'coord-1' }), false],
    ['coordinator can update their own user', 'coordinator', 'update', subject('User', { id: 'coord-1' }), true],
    ['member can read their own user', 'member', 'read', subject('User', { id: 'member-1' }), true],
    ['funder can read their own user', 'funder', 'read', subject('User', { id: 'funder-1' }), true],
    ['funder cannot read another user', 'funder', 'read', subject('User', { id: 'staff-1' }), false],
    ['admin can update another user', 'admin', 'update', subject('User', { id: 'staff-1' }), true],
    ['anonymous cannot read a user', 'anonymous', 'read', subject('User', { id: 'staff-1' }), false],
  ];

  it.each(cases)('%s', (_name, who, action, target, expected) => {
    expect(abilityOf(who).can(action, target)).toBe(expected);
  });
});

describe('defineAbilityFor: anonymous public', () => {
  it('may only create a toolkit request and read campaigns, nothing else', () => {
    const ability = abilityOf('anonymous');
    const allowed = subjectNames.flatMap((s) => actions.filter((a) => ability.can(a, s)).map((a) => `${a} ${s}`));
    expect(allowed).toEqual(['read Campaign', 'create ToolkitRequest']);
  });
});

describe('defineAbilityFor: fail closed', () => {
  it('gives a role it does not know no rules at all', () => {
    const ability = defineAbilityFor(actor('x-1', 'ROOT' as Role));
    expect(ability.rules).toEqual([]);
    expect(ability.can('read', 'Campaign')).toBe(false);
  });

  it('does not widen a coordinator ability when the actor object changes later', () => {
    const coordinator = actor('coord-3', 'COORDINATOR', { provinceCodes: ['ON'] });
    const ability = defineAbilityFor(coordinator);
    coordinator.provinceCodes.push('BC');
    expect(ability.can('read', subject('Person', { provinceCode: 'BC' }))).toBe(false);
  });

  it('checks an untagged record as nothing it may touch', () => {
    const ability = abilityOf('coordinator');
    expect(ability.can('read', { provinceCode: 'ON' } as unknown as AppSubject)).toBe(false);
  });
});

describe('defineAbilityFor: conditions stay translatable to SQL', () => {
  const everyone = Object.keys(actors) as ActorName[];
  it.each(everyone)('%s rules use only the mapped fields, with equality, $in or $ne', (who) => {
    for (const rule of abilityOf(who).rules) {
      if (!rule.conditions) continue;
      for (const subjectType of [rule.subject].flat() as SubjectName[]) {
        for (const [field, value] of Object.entries(rule.conditions)) {
          expect(conditionFields[subjectType]).toContain(field);
          if (value !== null && typeof value === 'object') expect(['$in', '$ne']).toContain(Object.keys(value).join());
        }
      }
    }
  });
});

describe('defineAbilityFor: what a MEMBER may change on their own organization', () => {
  const own = subject('Organization', { id: 'org-1', provinceCode: 'ON' });
  it.each(['nameEn', 'nameFr', 'kind', 'city', 'postalCode', 'email', 'phone', 'website'])('its profile: %s', (field) => {
    expect(abilityOf('member').can('update', own, field)).toBe(true);
  });
  it.each(['membership', 'membershipSince', 'provinceCode', 'tags', 'notes', 'ownerId'])('not what the coalition sets: %s', (field) => {
    expect(abilityOf('member').can('update', own, field)).toBe(false);
    expect(abilityOf('staff').can('update', own, field)).toBe(true);
  });
  it('nothing of another organization', () => {
    expect(abilityOf('member').can('update', subject('Organization', { id: 'org-2', provinceCode: 'ON' }), 'nameEn')).toBe(false);
  });
});

describe("defineAbilityFor: an organization's internal notes", () => {
  const own = subject('Organization', { id: 'org-1', provinceCode: 'ON' });
  it('are hidden from its member contacts, who still read the organization', () => {
    expect(abilityOf('member').can('read', own)).toBe(true);
    expect(abilityOf('member').can('read', own, 'notes')).toBe(false);
    expect(abilityOf('member').can('read', own, 'nameEn')).toBe(true);
  });
  it('are read by staff and by coordinators of the region', () => {
    expect(abilityOf('staff').can('read', own, 'notes')).toBe(true);
    expect(abilityOf('coordinator').can('read', subject('Organization', { id: 'org-1', provinceCode: 'QC' }), 'notes')).toBe(true);
  });
});

describe('defineAbilityFor: who hands a record on (its owner)', () => {
  // coord-1 is the fixture coordinator (Ontario and Québec).
  const created = subject('Person', { provinceCode: 'QC', ownerId: 'coord-9', createdById: 'coord-1' });
  const owned = subject('Person', { provinceCode: 'QC', ownerId: 'coord-1', createdById: 'coord-9' });
  const unowned = subject('Person', { provinceCode: 'QC', ownerId: null, createdById: 'coord-1' });
  it('a coordinator who created a record but does not own it edits it, but not its owner', () => {
    expect(abilityOf('coordinator').can('update', created, 'city')).toBe(true);
    expect(abilityOf('coordinator').can('update', created, 'ownerId')).toBe(false);
    expect(abilityOf('coordinator').can('update', unowned, 'ownerId')).toBe(false);
  });
  it('the owner hands it on; staff assign any owner', () => {
    expect(abilityOf('coordinator').can('update', owned, 'ownerId')).toBe(true);
    expect(abilityOf('staff').can('update', created, 'ownerId')).toBe(true);
  });
});
