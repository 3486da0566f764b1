import { z } from 'zod';
import { Id, Version } from './common';
import {
  IsoDate,
  optionalText,
  OptionalEmail,
  OptionalPhone,
  PostalCode,
  postalCodeMatchesProvince,
  ProvinceCode,
  requiredText,
  recordFilterFields,
  Tags,
  Website,
} from './records';

export const organizationKindValues = [
  'settlement_agency',
  'sponsorship_agreement_holder',
  'faith_community',
  'legal_clinic',
  'advocacy_group',
  'youth_group',
  'municipality',
  'business',
  'other',
] as const;
export const OrganizationKind = z.enum(organizationKindValues);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const membershipValues = ['member', 'associate', 'ally', 'lapsed'] as const;
export const Membership = z.enum(membershipValues);
export type Membership = z.infer<typeof Membership>;

export const organizationLimits = { name: 200, city: 100, notes: 10_000 } as const;

const organizationFields = {
  nameEn: requiredText(organizationLimits.name),
  nameFr: optionalText(organizationLimits.name),
  kind: OrganizationKind,
  membership: Membership,
  membershipSince: IsoDate.nullable(),
  provinceCode: ProvinceCode,
  city: optionalText(organizationLimits.city),
  postalCode: PostalCode,
  email: OptionalEmail,
  phone: OptionalPhone,
  website: Website,
  tags: Tags,
  notes: optionalText(organizationLimits.notes, { lines: 'many' }),
  ownerId: Id.nullable(),
};

function checkPostalCode(value: { postalCode?: string | null; provinceCode?: string }, ctx: z.RefinementCtx) {
  if (value.postalCode && value.provinceCode && !postalCodeMatchesProvince(value.postalCode, value.provinceCode)) {
    ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postalCodeProvince', params: { province: value.provinceCode } });
  }
}

export const CreateOrganizationInput = z
  .object({
    ...organizationFields,
    nameFr: organizationFields.nameFr.optional(),
    membership: Membership.default('ally'),
    membershipSince: organizationFields.membershipSince.optional(),
    city: organizationFields.city.optional(),
    postalCode: organizationFields.postalCode.optional(),
    email: organizationFields.email.optional(),
    phone: organizationFields.phone.optional(),
    website: organizationFields.website.optional(),
    tags: Tags.default([]),
    notes: organizationFields.notes.optional(),
    ownerId: organizationFields.ownerId.optional(),
  })
  .superRefine(checkPostalCode);
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

/** A new organization's name, e-mail and place, to find it if it is already there (decision 032). */
export const OrganizationDuplicatesInput = z.object({
  nameEn: organizationFields.nameEn,
  nameFr: organizationFields.nameFr.optional(),
  email: organizationFields.email.optional(),
  provinceCode: ProvinceCode.optional(),
  city: organizationFields.city.optional(),
});
export type OrganizationDuplicatesInput = z.infer<typeof OrganizationDuplicatesInput>;

/** Partial update: a field left out stays as it is; null clears an optional field. */
export const UpdateOrganizationInput = z
  .object({
    id: Id,
    version: Version,
    nameEn: organizationFields.nameEn.optional(),
    nameFr: organizationFields.nameFr.optional(),
    kind: OrganizationKind.optional(),
    membership: Membership.optional(),
    membershipSince: organizationFields.membershipSince.optional(),
    provinceCode: ProvinceCode.optional(),
    city: organizationFields.city.optional(),
    postalCode: organizationFields.postalCode.optional(),
    email: organizationFields.email.optional(),
    phone: organizationFields.phone.optional(),
    website: organizationFields.website.optional(),
    tags: Tags.optional(),
    notes: organizationFields.notes.optional(),
    ownerId: organizationFields.ownerId.optional(),
  })
  .superRefine(checkPostalCode);
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

/** Archive, restore: the record and the version the user saw. */
export const RecordVersionInput = z.object({ id: Id, version: Version });
export type RecordVersionInput = z.infer<typeof RecordVersionInput>;

/** Merge `duplicateId` into `survivorId`; both versions as the user saw them. */
/** What a merge lets the user take from the duplicate (`fromDuplicate`), one value each; tags are combined, notes kept both (decision 032). */
export const organizationMergeChoosable = [
  'nameEn',
  'nameFr',
  'kind',
  'membership',
  'membershipSince',
  'provinceCode',
  'city',
  'postalCode',
  'email',
  'phone',
  'website',
  'ownerId',
] as const;

export const MergeRecordsInput = z
  .object({
    survivorId: Id,
    survivorVersion: Version,
    duplicateId: Id,
    duplicateVersion: Version,
    // The fields whose value the survivor takes from the duplicate (the user's choice, field by field; decision 032).
    fromDuplicate: z.array(z.string().max(40)).max(30).default([]),
  })
  .refine((value) => value.survivorId !== value.duplicateId, { path: ['duplicateId'], error: 'mergeSame' });
export type MergeRecordsInput = z.infer<typeof MergeRecordsInput>;

export const OrganizationFilter = z.object({
  ...recordFilterFields,
  kinds: z.array(OrganizationKind).max(organizationKindValues.length).optional(),
  memberships: z.array(Membership).max(membershipValues.length).optional(),
});
export type OrganizationFilter = z.infer<typeof OrganizationFilter>;
