import type { Membership, OrganizationKind } from '@crm/contracts';

/** An organization as the API reads it. */
export interface OrganizationRow {
  id: string;
  nameEn: string;
  nameFr: string;
  kind: OrganizationKind;
  membership: Membership;
  membershipSince: string | null;
  provinceCode: string;
  city: string | null;
  postalCode: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  ownerId: string | null;
  createdById: string | null;
  archivedAt: Date | null;
  mergedIntoId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const organizationColumns = `
  o.id, o.name_en AS "nameEn", o.name_fr AS "nameFr", o.kind, o.membership,
  to_char(o.membership_since, 'YYYY-MM-DD') AS "membershipSince", o.province_code AS "provinceCode", o.city,
  o.postal_code AS "postalCode", o.email, o.phone, o.website, o.tags, o.notes, o.owner_id AS "ownerId",
  o.created_by_id AS "createdById", o.archived_at AS "archivedAt", o.merged_into_id AS "mergedIntoId",
  o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** Rule condition fields (`conditionFields.Organization`) → columns of alias `o`. */
export const organizationScopeColumns = {
  id: 'o.id',
  provinceCode: 'o.province_code',
  createdById: 'o.created_by_id',
  ownerId: 'o.owner_id',
} as const;

/** List order (keyset): unaccented lower-case English name, then id (indexed). */
export const organizationSortKey = `f_search_norm(o.name_en)`;

/** Writable fields → their columns. */
export const organizationWritableColumns = {
  nameEn: 'name_en',
  nameFr: 'name_fr',
  kind: 'kind',
  membership: 'membership',
  membershipSince: 'membership_since',
  provinceCode: 'province_code',
  city: 'city',
  postalCode: 'postal_code',
  email: 'email',
  phone: 'phone',
  website: 'website',
  tags: 'tags',
  notes: 'notes',
  ownerId: 'owner_id',
} as const;
export type OrganizationWritableField = keyof typeof organizationWritableColumns;
