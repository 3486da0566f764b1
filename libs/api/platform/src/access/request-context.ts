import type { Actor, AppAbility } from '@crm/authz';

/** What every resolver knows about the caller, built once per request. */
export interface RequestContext {
  requestId: string;
  ip: string;
  /** null when nobody is signed in. */
  actor: Actor | null;
  ability: AppAbility;
  sessionId: string | null;
  language: 'en' | 'fr';
}
