import { AbilityBuilder, createMongoAbility, subject as tagSubject, type ForcedSubject } from '@casl/ability';
import type { Action, Actor, AppAbility, SubjectName } from './authz.types';
import { memberEditableOrganizationFields, sensitivePersonFields, storytellerFields, toolkitRequestSteps } from './record-fields';

// Everything the coalition campaigns on; STAFF manages all of it in every region.
const campaignData: SubjectName[] = ['Campaign', 'Organization', 'Person', 'Outreach', 'Event', 'Pledge', 'Story', 'ToolkitItem', 'ToolkitRequest', 'Report'];

// Records a coordinator works on inside their regions.
// (`satisfies` keeps the literal names, so conditions are checked against their fields.)
const regionalRecords = ['Person', 'Outreach', 'Event', 'Pledge', 'Story', 'ToolkitRequest'] satisfies SubjectName[];

// Actions that read or write a Person's lived experience.
const sensitiveActions: Action[] = ['read', 'create', 'update', 'export'];

type Builder = AbilityBuilder<AppAbility>;

/**
 * The one ability definition, used by the API (resolvers, services, SQL filters)
 * and the staff app (which actions to show). `null` is the anonymous public.
 *
 * Conditions use only equality and `$in` on the fields in `conditionFields`, so the
 * API can turn them into SQL. CASL 7's matcher does not parse `$or`/`$and` inside
 * conditions: an "or" is written as two rules.
 */
export function defineAbilityFor(actor: Actor | null): AppAbility {
  const builder: Builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (actor === null) anonymousRules(builder);
  else {
    switch (actor.role) {
      case 'ADMIN':
        builder.can('manage', 'all');
        break;
      case 'STAFF':
        staffRules(builder, actor);
        break;
      case 'COORDINATOR':
        coordinatorRules(builder, actor);
        break;
      case 'MEMBER':
        memberRules(builder, actor);
        break;
      case 'FUNDER':
        funderRules(builder, actor);
        break;
      default:
        // A role we do not know (a stale token, a bad row) gets nothing: fail closed.
        assertNever(actor.role);
    }
  }
  return builder.build();
}

function anonymousRules({ can }: Builder): void {
  // The public toolkit request form, and the campaign's public name on it.
  can('create', 'ToolkitRequest');
  can('read', 'Campaign');
}

function ownUser({ can }: Builder, actor: Actor): void {
  can(['read', 'update'], 'User', { id: actor.id });
}

/**
 * Saved views of the lists (decision 025), for the roles that work from lists: their
 * own to create, change and delete (`archive`), and the ones shared by their role to read.
 */
function savedViews({ can }: Builder, actor: Actor): void {
  can(['read', 'create', 'update', 'archive'], 'SavedView', { ownerId: actor.id });
  can('read', 'SavedView', { shared: true, ownerRole: actor.role });
}

function staffRules(builder: Builder, actor: Actor): void {
  builder.can('manage', campaignData);
  withdrawnStoriesHidden(builder);
  builder.can('read', 'Region');
  // No user administration, audit log, mail or queues: those are ADMIN's.
  ownUser(builder, actor);
  savedViews(builder, actor);
}

function coordinatorRules(builder: Builder, actor: Actor): void {
  const { can, cannot } = builder;
  // No provinces, no regional rules at all (rather than `$in: []`), so the staff app
  // does not offer screens whose lists would always be empty.
  if (actor.provinceCodes.length > 0) {
    const inRegion = { provinceCode: { $in: [...actor.provinceCodes] } };
    can(['read', 'create', 'export'], regionalRecords, inRegion);
    can(['update', 'archive'], regionalRecords, { ...inRegion, createdById: actor.id });
    can(['update', 'archive'], regionalRecords, { ...inRegion, ownerId: actor.id });
    can(['read', 'export'], 'Organization', inRegion);
    // CSV imports of people and of outreach history: each row is then checked like a `create` (outside the regions, refused).
    can('import', ['Person', 'Outreach'], inRegion);
    // Lived experience: one inverted field rule hides it on people the coordinator does
    // not own (a missing owner counts as not theirs). CASL ignores inverted field rules
    // when no field is asked for, so it never changes which people are visible, nor the
    // SQL filter; `permittedFieldsOf` and field checks drop the field.
    cannot(sensitiveActions, 'Person', [...sensitivePersonFields], { ownerId: { $ne: actor.id } });
    // Owning a record is what opens its protected fields: only its owner hands it on (a creator
    // who does not own it cannot make themselves its owner); staff assign the others.
    cannot('update', regionalRecords, ['ownerId'], { ownerId: { $ne: actor.id } });
    // Who told a story: on named stories, and on the ones they gathered (their owner); the
    // story and its text stay readable (field rule: no effect on which stories are listed).
    cannot(sensitiveActions, 'Story', [...storytellerFields], { consentLevel: { $ne: 'named_public' }, ownerId: { $ne: actor.id } });
    // The consent level opens the storyteller's name: only the story's owner changes it. The
    // review (publishing) and erasure are national staff's.
    cannot('update', 'Story', ['consentLevel'], { ownerId: { $ne: actor.id } });
    cannot('update', 'Story', ['status']);
    cannot('archive', 'Story');
    withdrawnStoriesHidden(builder);
  }
  // Toolkit requests assigned to them for delivery, wherever they are: read, and move along only.
  can('read', 'ToolkitRequest', { assigneeId: actor.id });
  can('update', 'ToolkitRequest', [toolkitRequestSteps.deliver], { assigneeId: actor.id });
  // The toolkit catalogue carries no personal data and is needed to request items.
  can('read', ['Campaign', 'Region', 'Report', 'ToolkitItem']);
  ownUser(builder, actor);
  savedViews(builder, actor);
}

function memberRules(builder: Builder, actor: Actor): void {
  const { can, cannot } = builder;
  if (actor.organizationId !== null) {
    const ownOrganization = { organizationId: actor.organizationId };
    can('read', 'Organization', { id: actor.organizationId });
    // Its internal notes are the coalition's (field rule: the organization stays readable).
    cannot('read', 'Organization', ['notes']);
    can('update', 'Organization', [...memberEditableOrganizationFields], { id: actor.organizationId });
    can(['read', 'create', 'update'], 'Event', ownOrganization);
    can(['read', 'create'], ['Pledge', 'ToolkitRequest'], ownOrganization);
    // Toolkit requests the organization delivers: read, and move along only (shipped, delivered).
    can('read', 'ToolkitRequest', { assigneeOrganizationId: actor.organizationId });
    can('update', 'ToolkitRequest', [toolkitRequestSteps.deliver], { assigneeOrganizationId: actor.organizationId });
    can('read', 'ToolkitItem');
  }
  can('read', ['Campaign', 'Region']);
  ownUser(builder, actor);
}

function funderRules(builder: Builder, actor: Actor): void {
  // Aggregate reports only: no rule here may name a subject with personal data.
  builder.can('read', ['Report', 'Campaign', 'Region']);
  ownUser(builder, actor);
}

/**
 * Withdrawn consent hides a story from everyone but ADMIN, on every path at once: lists,
 * search, timelines, exports and counts all read through this rule (it becomes SQL).
 */
function withdrawnStoriesHidden({ cannot }: Builder): void {
  cannot('manage', 'Story', { withdrawn: true });
}

function assertNever(_role: never): void {
  // Unreachable for typed callers; at run time an unknown role simply gets no rules.
}

/**
 * Tags a record with its subject type so a check is about that record:
 * `ability.can('update', subject('Person', person))`. CASL's helper, typed to our
 * subject names. It marks the object itself (a hidden property); tag a copy if the
 * object may be checked as another type.
 */
export function subject<T extends SubjectName, R extends object>(type: T, record: R): R & ForcedSubject<T> {
  return tagSubject(type, record as R & Record<PropertyKey, unknown>);
}
