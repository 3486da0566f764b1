// Who may call each GraphQL operation. The matrix test reads the operations from
// the live schema: an operation without a row here fails the test, so every new
// query or mutation must state its access.

export type Caller = 'ANONYMOUS' | 'ADMIN' | 'STAFF' | 'COORDINATOR' | 'MEMBER' | 'FUNDER';
export const callers: Caller[] = ['ANONYMOUS', 'ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'];

const ALL: Caller[] = callers;
const SIGNED_IN: Caller[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'];
const ADMIN: Caller[] = ['ADMIN'];

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
  // Queries
  me: { document: '{ me { id } }', allowed: SIGNED_IN },
  defaultCampaign: { document: '{ defaultCampaign { id } }', allowed: SIGNED_IN },
  campaigns: { document: '{ campaigns { id } }', allowed: SIGNED_IN },
  provinces: { document: '{ provinces { code } }', allowed: SIGNED_IN },
  regions: { document: '{ regions { id } }', allowed: SIGNED_IN },
  users: { document: '{ users(first: 1) { nodes { id } } }', allowed: ADMIN },
  user: { document: `{ user(id: "${uuid}") { id } }`, allowed: ADMIN },
  auditEntries: { document: '{ auditEntries(first: 1) { nodes { id } } }', allowed: ADMIN },
  mailMessages: { document: '{ mailMessages(first: 1) { nodes { id } } }', allowed: ADMIN },
  mailMessage: { document: `{ mailMessage(id: "${uuid}") { id } }`, allowed: ADMIN },
  // Mutations
  signIn: {
    document: 'mutation { signIn(input: { email: "admin@demo.coalition.invalid", password: "coalition-demo-password" }) { token } }',
    allowed: ALL,
  },
  signOut: { document: 'mutation { signOut }', allowed: SIGNED_IN, freshSession: true },
  changePassword: { document: 'mutation { changePassword(input: { currentPassword: "wrong", newPassword: "long enough password" }) }', allowed: SIGNED_IN },
  updateMyPreferences: { document: 'mutation { updateMyPreferences(input: { preferredLanguage: en }) { id } }', allowed: SIGNED_IN },
  requestPasswordReset: { document: 'mutation { requestPasswordReset(input: { email: "nobody@example.org" }) }', allowed: ALL },
  resetPassword: { document: `mutation { resetPassword(input: { token: "${token}", newPassword: "long enough password" }) }`, allowed: ALL },
  acceptInvitation: { document: `mutation { acceptInvitation(input: { token: "${token}", newPassword: "long enough password" }) { token } }`, allowed: ALL },
  inviteUser: { document: 'mutation { inviteUser(input: { email: "not-an-email", name: "X", role: STAFF }) { id } }', allowed: ADMIN },
  updateUser: { document: `mutation { updateUser(input: { id: "${uuid}", version: 1, name: "X", role: STAFF }) { id } }`, allowed: ADMIN },
  setUserActive: { document: `mutation { setUserActive(input: { id: "${uuid}", version: 1, active: true }) { id } }`, allowed: ADMIN },
};
