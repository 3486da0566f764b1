import type { Role } from '@crm/contracts';

/** A user as the identity module reads it (no password hash). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  preferredLanguage: 'en' | 'fr';
  /** Their own IANA time zone; null: the office's. */
  timeZone: string | null;
  active: boolean;
  invitationPending: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  version: number;
  regionIds: string[];
}

export const userColumns = `
  u.id, u.email, u.name, u.role, u.organization_id AS "organizationId",
  u.preferred_language AS "preferredLanguage", u.time_zone AS "timeZone", u.active,
  (u.password_hash IS NULL) AS "invitationPending",
  u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt", u.version,
  COALESCE((SELECT array_agg(ur.region_id ORDER BY ur.region_id) FROM user_region ur WHERE ur.user_id = u.id), '{}') AS "regionIds"`;

/** Fields of a user that identify a person: masked in the audit log. */
export const userPersonalFields = ['email', 'name'] as const;
