import type { SubjectName } from './authz.types';

/**
 * Fields that carry personal data, per subject. The API masks them in audit entries
 * and never serves them to a role without a field-level `read` on them; FUNDER has
 * none of them (only its own User).
 */
export const personalFields: Record<SubjectName, readonly string[]> = {
  User: ['name', 'email'],
  AuditEntry: [],
  MailMessage: ['toAddress', 'subject', 'bodyText', 'bodyHtml'],
  Queue: [],
  Campaign: [],
  Region: [],
  Organization: ['email', 'phone', 'notes'],
  Person: ['firstName', 'lastName', 'emails', 'phones', 'affiliations', 'city', 'notes', 'livedExperience'],
  Outreach: ['notes'],
  Event: ['hostLeaders', 'rsvps', 'attendance'],
  Pledge: ['evidence'],
  Story: ['title', 'text', 'storytellerName', 'storytellerPersonId', 'consentNote'],
  ToolkitItem: [],
  ToolkitRequest: ['requesterName', 'requesterEmail', 'requesterOrganization', 'address', 'note'],
  Report: [],
  SavedView: [],
};

/**
 * What a MEMBER may change on their own organization: its public profile. Its
 * membership, province, tags, internal notes and owner are the coalition's to set.
 */
export const memberEditableOrganizationFields = ['nameEn', 'nameFr', 'kind', 'city', 'postalCode', 'email', 'phone', 'website'] as const;

/**
 * A toolkit request's steps, as fields of its `update` rules: deciding on it
 * (approve, decline, assign) is the office's; whoever delivers it (an assigned
 * coordinator or member organization) may only move it along (shipped, delivered).
 */
export const toolkitRequestSteps = { decide: 'decision', deliver: 'delivery' } as const;

/** Person fields only ADMIN, STAFF and the person's owner may read or write. */
export const sensitivePersonFields = ['livedExperience'] as const;

/**
 * Who told a story: a coordinator reads it only on named stories or on the stories
 * they gathered (their owner); ADMIN and STAFF always.
 */
export const storytellerFields = ['storytellerName', 'storytellerPersonId'] as const;

/** What a story says: readable by whoever may read the story (after a withdrawal, ADMIN only). */
export const storyContentFields = ['title', 'text'] as const;

/**
 * The record fields rule conditions use, per subject: the names the API maps to SQL
 * columns in `accessibleWhere`. A rule on any other field is a bug (a unit test checks).
 */
export const conditionFields: Record<SubjectName, readonly string[]> = {
  User: ['id'],
  AuditEntry: [],
  MailMessage: [],
  Queue: [],
  Campaign: [],
  Region: [],
  Organization: ['id', 'provinceCode', 'createdById', 'ownerId'],
  Person: ['provinceCode', 'ownerId', 'createdById'],
  Outreach: ['provinceCode', 'createdById', 'ownerId', 'organizationId'],
  Event: ['provinceCode', 'createdById', 'ownerId', 'organizationId'],
  Pledge: ['provinceCode', 'createdById', 'ownerId', 'organizationId'],
  Story: ['provinceCode', 'createdById', 'ownerId', 'organizationId', 'withdrawn', 'consentLevel'],
  ToolkitItem: [],
  ToolkitRequest: ['provinceCode', 'createdById', 'ownerId', 'organizationId', 'assigneeId', 'assigneeOrganizationId'],
  Report: [],
  SavedView: ['ownerId', 'shared', 'ownerRole'],
};
