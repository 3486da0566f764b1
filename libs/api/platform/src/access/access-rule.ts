import type { Action, SubjectName } from '@crm/authz';

/** Metadata key of the access rule every resolver declares (access.decorators.ts). */
export const ACCESS_RULE = 'crm:access-rule';

export type AccessRule =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated' }
  | { kind: 'ability'; action: Action; subject: SubjectName; whenDenied?: 'null'; field?: string };
