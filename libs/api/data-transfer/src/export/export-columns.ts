import type { EngagementStage, LeaderCategory, Membership, OrganizationKind } from '@crm/contracts';
import { MULTI_VALUE_SEPARATOR } from '../csv/csv-writer';
import { engagementStageLabels, languageLabels, leaderCategoryLabels, membershipLabels, organizationKindLabels, yesNo, type Labels } from '../vocabulary';

export type Lang = 'en' | 'fr';
type Cell = string | null;

export interface ExportColumn<R> {
  key: string;
  en: string;
  fr: string;
  cell(row: R, lang: Lang): Cell;
}

/** A person as the export query returns it (snake_case, straight from PostgreSQL). */
export interface PersonExportRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_language: 'en' | 'fr';
  emails: string[];
  phones: string[];
  leader_category: LeaderCategory | null;
  province_code: string;
  city: string | null;
  owner_id: string | null;
  created_by_id: string | null;
  /** Null when the caller may not read the owner's e-mail. */
  owner_email: string | null;
  engagement_stage: EngagementStage;
  consent_email: boolean;
  consent_phone: boolean;
  do_not_contact: boolean;
  /** Null when the caller may not export it for this person (field rule). */
  lived_experience: boolean | null;
  tags: string[];
  notes: string | null;
  organizations: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OrganizationExportRow {
  id: string;
  name_en: string;
  name_fr: string;
  kind: OrganizationKind;
  membership: Membership;
  membership_since: string | null;
  province_code: string;
  city: string | null;
  postal_code: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  owner_id: string | null;
  created_by_id: string | null;
  owner_email: string | null;
  created_at: Date;
  updated_at: Date;
}

const label =
  <C extends string>(labels: Record<C, Labels>) =>
  (code: C | null, lang: Lang): Cell =>
    code ? (labels[code]?.[lang] ?? code) : null;
const bool = (value: boolean | null, lang: Lang): Cell => (value === null ? null : yesNo[value ? 'yes' : 'no'][lang]);
const list = (values: string[]): Cell => values.join(MULTI_VALUE_SEPARATOR);
const timestamp = (value: Date): Cell => value.toISOString();
const leader = label(leaderCategoryLabels);
const stage = label(engagementStageLabels);
const kind = label(organizationKindLabels);
const membership = label(membershipLabels);

// Stable order: new columns go at the end, so spreadsheets built on an export keep working.
// Labels match what the import guesses from, so an export can be imported again.
export const personExportColumns: ExportColumn<PersonExportRow>[] = [
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'firstName', en: 'First name', fr: 'Prénom', cell: (r) => r.first_name },
  { key: 'lastName', en: 'Last name', fr: 'Nom', cell: (r) => r.last_name },
  {
    key: 'preferredLanguage',
    en: 'Preferred language',
    fr: 'Langue préférée',
    cell: (r, lang) => languageLabels[r.preferred_language]?.[lang] ?? r.preferred_language,
  },
  { key: 'emails', en: 'E-mails', fr: 'Courriels', cell: (r) => list(r.emails) },
  { key: 'phones', en: 'Phones', fr: 'Téléphones', cell: (r) => list(r.phones) },
  { key: 'organizations', en: 'Organizations (title)', fr: 'Organisations (titre)', cell: (r) => r.organizations },
  { key: 'leaderCategory', en: 'Leader category', fr: 'Catégorie de leader', cell: (r, lang) => leader(r.leader_category, lang) },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'city', en: 'City', fr: 'Ville', cell: (r) => r.city },
  { key: 'ownerEmail', en: 'Owner e-mail', fr: 'Courriel du responsable', cell: (r) => r.owner_email },
  { key: 'engagementStage', en: 'Engagement stage', fr: "Étape d'engagement", cell: (r, lang) => stage(r.engagement_stage, lang) },
  { key: 'consentEmail', en: 'May e-mail', fr: 'Accepte les courriels', cell: (r, lang) => bool(r.consent_email, lang) },
  { key: 'consentPhone', en: 'May phone', fr: 'Accepte les appels', cell: (r, lang) => bool(r.consent_phone, lang) },
  { key: 'doNotContact', en: 'Do not contact', fr: 'Ne pas contacter', cell: (r, lang) => bool(r.do_not_contact, lang) },
  { key: 'livedExperience', en: 'Lived experience', fr: 'Expérience vécue', cell: (r, lang) => bool(r.lived_experience, lang) },
  { key: 'tags', en: 'Tags', fr: 'Étiquettes', cell: (r) => list(r.tags) },
  { key: 'notes', en: 'Notes', fr: 'Notes', cell: (r) => r.notes },
  { key: 'createdAt', en: 'Created', fr: 'Créé le', cell: (r) => timestamp(r.created_at) },
  { key: 'updatedAt', en: 'Updated', fr: 'Modifié le', cell: (r) => timestamp(r.updated_at) },
];

export const organizationExportColumns: ExportColumn<OrganizationExportRow>[] = [
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'nameEn', en: 'Name', fr: 'Nom', cell: (r) => r.name_en },
  { key: 'nameFr', en: 'Name (French)', fr: 'Nom (français)', cell: (r) => r.name_fr },
  { key: 'kind', en: 'Kind', fr: 'Genre', cell: (r, lang) => kind(r.kind, lang) },
  { key: 'membership', en: 'Membership', fr: 'Adhésion', cell: (r, lang) => membership(r.membership, lang) },
  { key: 'membershipSince', en: 'Member since', fr: 'Membre depuis', cell: (r) => r.membership_since },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'city', en: 'City', fr: 'Ville', cell: (r) => r.city },
  { key: 'postalCode', en: 'Postal code', fr: 'Code postal', cell: (r) => r.postal_code },
  { key: 'email', en: 'E-mail', fr: 'Courriel', cell: (r) => r.email },
  { key: 'phone', en: 'Phone', fr: 'Téléphone', cell: (r) => r.phone },
  { key: 'website', en: 'Website', fr: 'Site web', cell: (r) => r.website },
  { key: 'ownerEmail', en: 'Owner e-mail', fr: 'Courriel du responsable', cell: (r) => r.owner_email },
  { key: 'tags', en: 'Tags', fr: 'Étiquettes', cell: (r) => list(r.tags) },
  { key: 'notes', en: 'Notes', fr: 'Notes', cell: (r) => r.notes },
  { key: 'createdAt', en: 'Created', fr: 'Créé le', cell: (r) => timestamp(r.created_at) },
  { key: 'updatedAt', en: 'Updated', fr: 'Modifié le', cell: (r) => timestamp(r.updated_at) },
];
