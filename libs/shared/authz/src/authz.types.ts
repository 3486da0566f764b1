import type { ForcedSubject, MongoAbility } from '@casl/ability';

export const roles = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'] as const;
export type Role = (typeof roles)[number];

// 'manage' is CASL's wildcard action: a rule on it grants every other action.
export const actions = ['manage', 'read', 'create', 'update', 'archive', 'merge', 'export', 'import', 'invite'] as const;
export type Action = (typeof actions)[number];

export const subjectNames = [
  'User',
  'AuditEntry',
  'MailMessage',
  'Queue',
  'Campaign',
  'Region',
  'Organization',
  'Person',
  'Outreach',
  'Event',
  'Pledge',
  'Story',
  'ToolkitItem',
  'ToolkitRequest',
  'Report',
  'SavedView',
] as const;
export type SubjectName = (typeof subjectNames)[number];

/** Who is asking. `provinceCodes` are the provinces of the actor's regions (coordinators). */
export interface Actor {
  id: string;
  role: Role;
  provinceCodes: string[];
  organizationId: string | null;
}

// Record-scoped fields shared by the activity records (host organization for Event).
interface ScopedFields {
  provinceCode: string;
  createdById: string | null;
  ownerId: string | null;
  organizationId: string | null;
}

/**
 * The fields rule conditions may use, per subject (all optional: a record is checked
 * with what it has, and a missing field never matches). These are the names the API
 * maps to SQL columns; `conditionFields` lists them at run time.
 */
export interface ConditionFields {
  User: { id: string };
  AuditEntry: object;
  MailMessage: object;
  Queue: object;
  Campaign: object;
  Region: object;
  Organization: { id: string; provinceCode: string; createdById: string | null; ownerId: string | null };
  Person: { provinceCode: string; ownerId: string | null; createdById: string | null };
  Outreach: ScopedFields;
  Event: ScopedFields;
  Pledge: ScopedFields;
  // `ownerId` is who gathered the story; `withdrawn` and `consentLevel` decide who reads what of it.
  Story: ScopedFields & { withdrawn: boolean; consentLevel: string };
  ToolkitItem: object;
  // Also who delivers it: a coordinator (assigneeId) or a member organization.
  ToolkitRequest: ScopedFields & { assigneeId: string | null; assigneeOrganizationId: string | null };
  Report: object;
  // A saved view of a list: its owner's; read by everyone of the owner's role when shared.
  SavedView: { ownerId: string; shared: boolean; ownerRole: string };
}

/** One record tagged with its subject type by `subject(type, record)`. */
export type TaggedRecord = { [K in SubjectName]: ForcedSubject<K> & Partial<ConditionFields[K]> }[SubjectName];

/**
 * What a check may be about: a subject type ('Person': "any person?") or one record
 * tagged with `subject('Person', record)` ("this person?"). Untagged objects are
 * refused by the compiler, so a record is never checked without its type.
 */
export type AppSubject = SubjectName | 'all' | TaggedRecord;

export type AppAbility = MongoAbility<[Action, AppSubject]>;
