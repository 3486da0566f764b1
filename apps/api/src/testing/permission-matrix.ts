import type { AppAbility } from '@crm/authz';
import type { TransferRegistry } from '@crm/records';

// Who may call each GraphQL operation. The matrix test reads the operations from
// the live schema: an operation without a row here fails the test, so every new
// query or mutation must state its access.

export type Caller = 'ANONYMOUS' | 'ADMIN' | 'STAFF' | 'COORDINATOR' | 'MEMBER' | 'FUNDER';
export const callers: Caller[] = ['ANONYMOUS', 'ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'];

const ALL: Caller[] = callers;
const SIGNED_IN: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'];
const ADMIN: Caller[] = ['ADMIN'];
// Records: organizations are read by members (their own) and coordinators (their
// regions); people never by MEMBER or FUNDER; merging, archiving organizations
// and the tag vocabulary are national staff's.
const ORGANIZATION_READERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER'];
const PEOPLE_WORKERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR'];
const NATIONAL_STAFF: Caller[] = ['ADMIN', 'STAFF'];
const ORGANIZATION_EDITORS: Caller[] = ['ADMIN', 'STAFF', 'MEMBER'];
const TOOLKIT_USERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER'];
// Stories: gathered and edited by coordinators in their regions; reviewed, published and erased
// by national staff; never read by MEMBER or FUNDER (FUNDER reads their counts, as reports do).
const STORY_WORKERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR'];
const REPORT_READERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'FUNDER'];
// Events and pledges: read and created by members (their organization's) and coordinators (their regions); never FUNDER.
// A member edits their organization's events, not its pledges.
const EVENT_WORKERS: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER'];

const uuid = '00000000-0000-4000-8000-000000000000';
const token = 'x'.repeat(43);

export interface MatrixRow {
  /** A document calling the operation; arguments chosen so an allowed call changes nothing lasting. */
  document: string;
  variables?: Record<string, unknown>;
  allowed: Caller[];
  /** Calls that end the caller's session need a session of their own. */
  freshSession?: boolean;
}

export const permissionMatrix: Record<string, MatrixRow> = {
  // Calendar feeds: anyone who reads events subscribes to a region's.
  myCalendarFeeds: { document: '{ myCalendarFeeds { id } }', allowed: EVENT_WORKERS },
  createCalendarFeed: { document: `mutation { createCalendarFeed(regionId: "${uuid}") { path } }`, allowed: EVENT_WORKERS },
  revokeCalendarFeed: { document: `mutation { revokeCalendarFeed(id: "${uuid}") }`, allowed: EVENT_WORKERS },
  // Queries
  me: { document: '{ me { id } }', allowed: SIGNED_IN },
  defaultCampaign: { document: '{ defaultCampaign { id } }', allowed: SIGNED_IN },
  campaigns: { document: '{ campaigns { id } }', allowed: SIGNED_IN },
  campaign: { document: `{ campaign(id: "${uuid}") { id } }`, allowed: SIGNED_IN },
  provinces: { document: '{ provinces { code } }', allowed: SIGNED_IN },
  regions: { document: '{ regions { id } }', allowed: SIGNED_IN },
  users: { document: '{ users(first: 1) { nodes { id } } }', allowed: ADMIN },
  user: { document: `{ user(id: "${uuid}") { id } }`, allowed: ADMIN },
  auditEntries: { document: '{ auditEntries(first: 1) { nodes { id } } }', allowed: ADMIN },
  mailMessages: { document: '{ mailMessages(first: 1) { nodes { id } } }', allowed: ADMIN },
  mailMessage: { document: `{ mailMessage(id: "${uuid}") { id } }`, allowed: ADMIN },
  organizations: { document: '{ organizations(first: 1) { nodes { id } } }', allowed: ORGANIZATION_READERS },
  organization: { document: `{ organization(id: "${uuid}") { id } }`, allowed: ORGANIZATION_READERS },
  people: { document: '{ people(first: 1) { nodes { id } } }', allowed: PEOPLE_WORKERS },
  person: { document: `{ person(id: "${uuid}") { id } }`, allowed: PEOPLE_WORKERS },
  coalitionFigures: { document: '{ coalitionFigures { people } }', allowed: ['ADMIN', 'STAFF', 'COORDINATOR', 'FUNDER'] },
  personDuplicates: { document: '{ personDuplicates(input: { firstName: "Zz", provinceCode: "ON" }) { id } }', allowed: PEOPLE_WORKERS },
  organizationDuplicates: { document: '{ organizationDuplicates(input: { nameEn: "Zz", provinceCode: "ON" }) { id } }', allowed: NATIONAL_STAFF },
  // The possible-duplicates queue (decision 027): whoever merges.
  personDuplicatePairs: { document: '{ personDuplicatePairs(reason: EMAIL, first: 1) { nodes { reason } } }', allowed: NATIONAL_STAFF },
  organizationDuplicatePairs: { document: '{ organizationDuplicatePairs(reason: NAME_CITY, first: 1) { nodes { reason } } }', allowed: NATIONAL_STAFF },
  searchDirectory: { document: '{ searchDirectory(text: "zz") { organizations { id } people { id } } }', allowed: ORGANIZATION_READERS },
  timeline: { document: `{ timeline(subjectType: Organization, subjectId: "${uuid}", first: 1) { nodes { id } } }`, allowed: ORGANIZATION_READERS },
  tags: { document: '{ tags { slug } }', allowed: SIGNED_IN },
  assignableOwners: { document: '{ assignableOwners { id } }', allowed: PEOPLE_WORKERS },
  // Saved views of the lists (decision 025): the roles that work from lists.
  savedViews: { document: '{ savedViews(list: people) { id } }', allowed: PEOPLE_WORKERS },
  stories: { document: '{ stories(first: 1) { nodes { id } } }', allowed: STORY_WORKERS },
  story: { document: `{ story(id: "${uuid}") { id } }`, allowed: STORY_WORKERS },
  storyCounts: { document: '{ storyCounts { kind status count } }', allowed: REPORT_READERS },
  publicStories: { document: '{ publicStories(first: 1) { id title } }', allowed: ALL },
  // Outreach: people's workers (coordinators in their regions); never MEMBER or FUNDER.
  outreachList: { document: '{ outreachList(first: 1) { nodes { id } } }', allowed: PEOPLE_WORKERS },
  outreach: { document: `{ outreach(id: "${uuid}") { id } }`, allowed: PEOPLE_WORKERS },
  myFollowUps: { document: '{ myFollowUps { today } }', allowed: PEOPLE_WORKERS },
  events: { document: '{ events(first: 1) { nodes { id } } }', allowed: EVENT_WORKERS },
  event: { document: `{ event(id: "${uuid}") { id } }`, allowed: EVENT_WORKERS },
  // Answers name people: the people workers read them (a member sees its events' counts only).
  eventRsvps: { document: '{ eventRsvps(first: 1) { nodes { id } } }', allowed: PEOPLE_WORKERS },
  pledges: { document: '{ pledges(first: 1) { nodes { id } } }', allowed: EVENT_WORKERS },
  pledge: { document: `{ pledge(id: "${uuid}") { id } }`, allowed: EVENT_WORKERS },
  // Mutations
  logOutreach: { document: `mutation { logOutreach(input: { personId: "${uuid}", channel: call, outcome: interested }) { id } }`, allowed: PEOPLE_WORKERS },
  updateOutreach: { document: `mutation { updateOutreach(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: PEOPLE_WORKERS },
  archiveOutreach: { document: `mutation { archiveOutreach(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: PEOPLE_WORKERS },
  completeFollowUp: { document: `mutation { completeFollowUp(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: PEOPLE_WORKERS },
  snoozeFollowUp: { document: `mutation { snoozeFollowUp(input: { id: "${uuid}", version: 1, until: "2030-01-01" }) { id } }`, allowed: PEOPLE_WORKERS },
  // The ladder: a stage set by hand is national staff's.
  setEngagementOverride: { document: `mutation { setEngagementOverride(input: { personId: "${uuid}", stage: champion }) { stage } }`, allowed: NATIONAL_STAFF },
  // Campaigns: national staff's (an empty name is refused after the access check).
  createCampaign: { document: 'mutation { createCampaign(input: { nameEn: "", nameFr: "" }) { id } }', allowed: NATIONAL_STAFF },
  updateCampaign: { document: `mutation { updateCampaign(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  signIn: {
    document: 'mutation { signIn(input: { email: "admin@demo.coalition.invalid", password: "coalition-demo-password" }) { token } }',
    allowed: ALL,
  },
  signOut: { document: 'mutation { signOut }', allowed: SIGNED_IN, freshSession: true },
  changePassword: { document: 'mutation { changePassword(input: { currentPassword: "wrong", newPassword: "long enough password" }) }', allowed: SIGNED_IN },
  updateMyPreferences: { document: 'mutation { updateMyPreferences(input: { preferredLanguage: en }) { id } }', allowed: SIGNED_IN },
  saveView: { document: 'mutation { saveView(input: { list: people, name: "", state: {} }) { id } }', allowed: PEOPLE_WORKERS },
  deleteSavedView: { document: `mutation { deleteSavedView(id: "${uuid}") }`, allowed: PEOPLE_WORKERS },
  requestPasswordReset: { document: 'mutation { requestPasswordReset(input: { email: "nobody@example.org" }) }', allowed: ALL },
  resetPassword: { document: `mutation { resetPassword(input: { token: "${token}", newPassword: "long enough password" }) }`, allowed: ALL },
  invitation: { document: `{ invitation(token: "${token}") { name } }`, allowed: ALL },
  acceptInvitation: { document: `mutation { acceptInvitation(input: { token: "${token}", newPassword: "long enough password" }) { token } }`, allowed: ALL },
  inviteUser: { document: 'mutation { inviteUser(input: { email: "not-an-email", name: "X", role: STAFF }) { id } }', allowed: ADMIN },
  updateUser: { document: `mutation { updateUser(input: { id: "${uuid}", version: 1, name: "X", role: STAFF }) { id } }`, allowed: ADMIN },
  setUserActive: { document: `mutation { setUserActive(input: { id: "${uuid}", version: 1, active: true }) { id } }`, allowed: ADMIN },
  createOrganization: { document: 'mutation { createOrganization(input: { nameEn: "", kind: other, provinceCode: "ON" }) { id } }', allowed: NATIONAL_STAFF },
  updateOrganization: { document: `mutation { updateOrganization(input: { id: "${uuid}", version: 1, city: "X" }) { id } }`, allowed: ORGANIZATION_EDITORS },
  archiveOrganization: { document: `mutation { archiveOrganization(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  restoreOrganization: { document: `mutation { restoreOrganization(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  mergeOrganizations: {
    document: `mutation { mergeOrganizations(input: { survivorId: "${uuid}", survivorVersion: 1, duplicateId: "${uuid}", duplicateVersion: 1 }) { id } }`,
    allowed: NATIONAL_STAFF,
  },
  createPerson: { document: 'mutation { createPerson(input: { firstName: "", provinceCode: "ON" }) { id } }', allowed: PEOPLE_WORKERS },
  updatePerson: { document: `mutation { updatePerson(input: { id: "${uuid}", version: 1, city: "X" }) { id } }`, allowed: PEOPLE_WORKERS },
  archivePerson: { document: `mutation { archivePerson(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: PEOPLE_WORKERS },
  restorePerson: { document: `mutation { restorePerson(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: PEOPLE_WORKERS },
  mergePeople: {
    document: `mutation { mergePeople(input: { survivorId: "${uuid}", survivorVersion: 1, duplicateId: "${uuid}", duplicateVersion: 1 }) { id } }`,
    allowed: NATIONAL_STAFF,
  },
  dismissPersonDuplicate: {
    document: `mutation { dismissPersonDuplicate(firstId: "${uuid}", secondId: "${uuid.replace('0000-4', '0001-4')}") }`,
    allowed: NATIONAL_STAFF,
  },
  dismissOrganizationDuplicate: {
    document: `mutation { dismissOrganizationDuplicate(firstId: "${uuid}", secondId: "${uuid.replace('0000-4', '0001-4')}") }`,
    allowed: NATIONAL_STAFF,
  },
  createStory: {
    document: `mutation { createStory(input: { campaignId: "${uuid}", kind: economic, language: en, title: "", text: "x", provinceCode: "ON",
      consentLevel: internal, consentDate: "2026-01-01", consentMethod: written }) { id } }`,
    allowed: STORY_WORKERS,
  },
  updateStory: { document: `mutation { updateStory(input: { id: "${uuid}", version: 1, title: "X" }) { id } }`, allowed: STORY_WORKERS },
  reviewStory: { document: `mutation { reviewStory(input: { id: "${uuid}", version: 1, status: approved }) { id } }`, allowed: STORY_WORKERS },
  withdrawStoryConsent: { document: `mutation { withdrawStoryConsent(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: STORY_WORKERS },
  eraseStory: { document: `mutation { eraseStory(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  createEvent: {
    document: `mutation { createEvent(input: { titleEn: "", kind: vigil, provinceCode: "ON", timeZone: "America/Toronto",
      startsAt: "2026-04-04T19:00", endsAt: "2026-04-04T20:00" }) { id } }`,
    allowed: EVENT_WORKERS,
  },
  updateEvent: { document: `mutation { updateEvent(input: { id: "${uuid}", version: 1, place: "X" }) { id } }`, allowed: EVENT_WORKERS },
  setEventStatus: { document: `mutation { setEventStatus(input: { id: "${uuid}", version: 1, status: confirmed }) { id } }`, allowed: EVENT_WORKERS },
  inviteToEvent: { document: `mutation { inviteToEvent(input: { eventId: "${uuid}", personIds: ["${uuid}"] }) }`, allowed: PEOPLE_WORKERS },
  rsvpToEvent: {
    document: `mutation { rsvpToEvent(input: { eventId: "${uuid}", personId: "${uuid}", response: yes }) { response } }`,
    allowed: PEOPLE_WORKERS,
  },
  checkInToEvent: { document: `mutation { checkInToEvent(input: { eventId: "${uuid}", personId: "${uuid}" }) { response } }`, allowed: PEOPLE_WORKERS },
  addWalkIn: { document: `mutation { addWalkIn(input: { eventId: "${uuid}", firstName: "" }) { response } }`, allowed: PEOPLE_WORKERS },
  createPledge: {
    document: `mutation { createPledge(input: { kind: speak_up, personId: "${uuid}", organizationId: "${uuid}" }) { id } }`,
    allowed: EVENT_WORKERS,
  },
  updatePledge: { document: `mutation { updatePledge(input: { id: "${uuid}", version: 1, notes: "X" }) { id } }`, allowed: PEOPLE_WORKERS },
  setPledgeStatus: { document: `mutation { setPledgeStatus(input: { id: "${uuid}", version: 1, status: lapsed }) { id } }`, allowed: PEOPLE_WORKERS },
  createTag: { document: 'mutation { createTag(input: { slug: "Not A Tag", labelEn: "x", labelFr: "x" }) { slug } }', allowed: NATIONAL_STAFF },
  // CSV import (data-transfer): people importers (coordinators import people in their regions); a batch that
  // is not the caller's answers NOT_FOUND, which counts as allowed here.
  importBatch: { document: `{ importBatch(id: "${uuid}") { id } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  importTargets: { document: '{ importTargets { kind } }', allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  importBatches: { document: '{ importBatches(first: 1) { nodes { id } } }', allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  guessImportMapping: { document: `{ guessImportMapping(batchId: "${uuid}") { columns { field } } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  importRows: { document: `{ importRows(batchId: "${uuid}", first: 1) { nodes { rowNumber } } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  setImportMapping: {
    document: `mutation { setImportMapping(input: { batchId: "${uuid}", mapping: [], duplicatePolicy: SKIP }) { id } }`,
    allowed: ['ADMIN', 'STAFF', 'COORDINATOR'],
  },
  dryRunImport: { document: `mutation { dryRunImport(batchId: "${uuid}") { id } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  runImport: { document: `mutation { runImport(batchId: "${uuid}") { id } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  cancelImport: { document: `mutation { cancelImport(batchId: "${uuid}") { id } }`, allowed: ['ADMIN', 'STAFF', 'COORDINATOR'] },
  // Toolkit (issue 13): the catalogue is read by whoever may ask for it and kept by national staff; requests are
  // seen and made by members (their organization's), coordinators (their regions', those they deliver) and staff;
  // the public has the form, its catalogue and the tracked download links.
  toolkitItems: { document: '{ toolkitItems(first: 1) { nodes { id } } }', allowed: TOOLKIT_USERS },
  toolkitItem: { document: `{ toolkitItem(id: "${uuid}") { id } }`, allowed: TOOLKIT_USERS },
  toolkitCatalogue: { document: '{ toolkitCatalogue { id } }', allowed: ALL },
  toolkitMovements: { document: '{ toolkitMovements(first: 1) { nodes { id } } }', allowed: NATIONAL_STAFF },
  createToolkitItem: {
    document: 'mutation { createToolkitItem(input: { kind: poster, language: en, titleEn: "", titleFr: "" }) { id } }',
    allowed: NATIONAL_STAFF,
  },
  updateToolkitItem: { document: `mutation { updateToolkitItem(input: { id: "${uuid}", version: 1, titleEn: "X" }) { id } }`, allowed: NATIONAL_STAFF },
  archiveToolkitItem: { document: `mutation { archiveToolkitItem(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  restoreToolkitItem: { document: `mutation { restoreToolkitItem(input: { id: "${uuid}", version: 1 }) { id } }`, allowed: NATIONAL_STAFF },
  recordStockMovement: {
    document: `mutation { recordStockMovement(input: { itemId: "${uuid}", kind: "received", quantity: 1 }) { id } }`,
    allowed: NATIONAL_STAFF,
  },
  toolkitRequests: { document: '{ toolkitRequests(first: 1) { nodes { id } } }', allowed: TOOLKIT_USERS },
  toolkitRequestCounts: { document: '{ toolkitRequestCounts { status count } }', allowed: TOOLKIT_USERS },
  toolkitRequest: { document: `{ toolkitRequest(id: "${uuid}") { id } }`, allowed: TOOLKIT_USERS },
  toolkitBulkTargets: { document: `{ toolkitBulkTargets(regionId: "${uuid}") { organizationId } }`, allowed: NATIONAL_STAFF },
  createToolkitRequest: {
    document: 'mutation { createToolkitRequest(input: { language: en, items: [], provinceCode: "ON" }) { id } }',
    allowed: TOOLKIT_USERS,
  },
  createBulkToolkitRequests: {
    document: `mutation { createBulkToolkitRequests(input: { regionId: "${uuid}", items: [] }) { id } }`,
    allowed: NATIONAL_STAFF,
  },
  moveToolkitRequest: { document: `mutation { moveToolkitRequest(input: { id: "${uuid}", version: 1, step: approve }) { id } }`, allowed: TOOLKIT_USERS },
  submitPublicToolkitRequest: {
    document: `mutation { submitPublicToolkitRequest(input: { name: "", email: "x", language: en, items: [], addressLine: "", city: "",
      provinceCode: "ON", postalCode: "" }) { reference } }`,
    allowed: ALL,
  },
  shipToolkitBatch: {
    document: `mutation { shipToolkitBatch(input: { requests: [{ id: "${uuid}", version: 1 }] }) { shipped { id } waited { id code } } }`,
    allowed: TOOLKIT_USERS,
  },
  recordToolkitDownload: { document: `mutation { recordToolkitDownload(token: "${token}", itemId: "${uuid}") }`, allowed: ALL },
  // An invitation's answer page: the secret token e-mailed to the guest is the access (decision 117).
  publicInvitation: { document: `{ publicInvitation(token: "${token}") { titleEn response } }`, allowed: ALL },
  answerInvitation: { document: `mutation { answerInvitation(token: "${token}", response: yes) }`, allowed: ALL },
};

// Who may call each HTTP route (outside GraphQL). The matrix test reads the routes
// from Nest's controllers: a route without a row here fails the test. Whether a
// caller may is what the shared ability says (null: anonymous), so the matrix
// and the staff app's permissions can never disagree.

export interface HttpRequestCase {
  /** Names the case in the test's output. */
  label: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** An allowed call changes nothing lasting (an unknown batch, a file with no known column). */
  allowed(ability: AppAbility | null): boolean;
}

const signedIn = (ability: AppAbility | null): ability is AppAbility => ability !== null;

export const httpMatrix: Record<string, (registry: TransferRegistry) => HttpRequestCase[]> = {
  'GET /health/live': () => [{ label: 'live', method: 'GET', url: '/health/live', allowed: () => true }],
  'GET /health/ready': () => [{ label: 'ready', method: 'GET', url: '/health/ready', allowed: () => true }],
  // One case per registered list and format (CSV, Excel): a new list is covered the day it registers.
  'GET /export/:file': (registry) =>
    registry.exportLists().flatMap((list) =>
      (['csv', 'xlsx'] as const).map((format) => ({
        label: `export ${list.name}.${format}`,
        method: 'GET' as const,
        url: `/export/${list.name}.${format}?search=zzzz`,
        allowed: (ability: AppAbility | null) => signedIn(ability) && ability.can('export', list.subject),
      })),
    ),
  'POST /imports': (registry) =>
    registry.importKinds().map((kind) => ({
      label: `import ${kind.kind}`,
      method: 'POST',
      url: `/imports?kind=${kind.kind}&filename=matrix.csv`,
      headers: { 'content-type': 'text/csv' },
      body: 'Nothing,Known\r\n1,2\r\n',
      allowed: (ability) => signedIn(ability) && ability.can('import', kind.subject),
    })),
  // One event's .ics: for those who read events; a region's feed: public, its secret token is the access.
  'GET /events/:file': () => [
    { label: 'event .ics', method: 'GET', url: `/events/${uuid}.ics`, allowed: (ability) => signedIn(ability) && ability.can('read', 'Event') },
  ],
  'GET /calendar/:file': () => [{ label: 'region feed', method: 'GET', url: `/calendar/${token}.ics`, allowed: () => true }],
  'GET /imports/:id/rejected.csv': (registry) => [
    {
      label: 'rejected rows',
      method: 'GET',
      url: `/imports/${uuid}/rejected.csv`,
      allowed: (ability) => signedIn(ability) && registry.importKinds().some((kind) => ability.can('import', kind.subject)),
    },
  ],
};
