import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, type AppAbility } from '@crm/authz';
import { engagementStageValues, leaderCategoryValues, PersonFilter, type EngagementStage, type LeaderCategory } from '@crm/contracts';
import { catalogueLabels, commonImportFields, exportCells, fieldColumn, labelColumn, ownerEmailShaper, recordColumns, TransferRegistry } from '@crm/records';
import type { ExportColumn, ExportList, ImportFieldSpec } from '@crm/records';
import { personExportQuery } from './person.repository';

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

const leader = exportCells.label(catalogueLabels<LeaderCategory>(leaderCategoryValues, (code) => `leader.${code}`));
const stage = exportCells.label(catalogueLabels<EngagementStage>(engagementStageValues, (code) => `stage.${code}`));
const { yesNo, list } = exportCells;

// Stable order: new columns go at the end, so spreadsheets built on an export keep working.
// Headers match what the import guesses from, so an export can be imported again.
const personExportColumns: ExportColumn<PersonExportRow>[] = [
  recordColumns.id,
  fieldColumn('firstName', 'First name', 'Prénom', 'first_name'),
  fieldColumn('lastName', 'Last name', 'Nom', 'last_name'),
  labelColumn('preferredLanguage', 'Preferred language', 'Langue de préférence', 'preferred_language', exportCells.language),
  { key: 'emails', en: 'E-mails', fr: 'Courriels', cell: (r) => list(r.emails) },
  { key: 'phones', en: 'Phones', fr: 'Téléphones', cell: (r) => list(r.phones) },
  fieldColumn('organizations', 'Organizations (title)', 'Organismes (fonction)', 'organizations'),
  labelColumn('leaderCategory', 'Leader category', 'Catégorie de leader', 'leader_category', leader),
  recordColumns.provinceCode,
  fieldColumn('city', 'City', 'Ville', 'city'),
  fieldColumn('ownerEmail', 'Owner e-mail', 'Courriel de la personne responsable', 'owner_email'),
  labelColumn('engagementStage', 'Engagement stage', 'Étape d’engagement', 'engagement_stage', stage),
  labelColumn('consentEmail', 'May e-mail', 'Accepte les courriels', 'consent_email', yesNo),
  labelColumn('consentPhone', 'May phone', 'Accepte les appels', 'consent_phone', yesNo),
  labelColumn('doNotContact', 'Do not contact', 'Ne pas contacter', 'do_not_contact', yesNo),
  labelColumn('livedExperience', 'Lived experience', 'Expérience vécue', 'lived_experience', yesNo),
  { key: 'tags', en: 'Tags', fr: 'Étiquettes', cell: (r) => list(r.tags) },
  fieldColumn('notes', 'Notes', 'Notes', 'notes'),
  recordColumns.createdAt,
  recordColumns.updatedAt,
];

/** Field rules per row: lived experience where the caller may export it, owners' e-mails where they may read them. */
function personRowShaper(ability: AppAbility): (row: PersonExportRow) => PersonExportRow {
  const owners = ownerEmailShaper(ability);
  return (row) => {
    const scope = { provinceCode: row.province_code, ownerId: row.owner_id, createdById: row.created_by_id };
    if (!canReadField(ability, 'export', 'Person', 'livedExperience', scope)) row.lived_experience = null;
    row.owner_email = owners(row.owner_id, row.owner_email);
    return row;
  };
}

export const peopleExportList: ExportList<PersonFilter, PersonExportRow> = {
  name: 'people',
  subject: 'Person',
  graphqlList: 'people',
  filter: PersonFilter,
  filename: { en: 'people', fr: 'personnes' },
  query: personExportQuery,
  columns: personExportColumns,
  shapeRows: personRowShaper,
};

export const personImportFields: ImportFieldSpec[] = [
  {
    name: 'firstName',
    labelEn: 'First name',
    labelFr: 'Prénom',
    required: true,
    headers: ['First Name', 'Given Name', 'Firstname', 'First', 'Prénom', 'Prenom'],
  },
  { name: 'lastName', labelEn: 'Last name', labelFr: 'Nom', headers: ['Last Name', 'Surname', 'Family Name', 'Lastname', 'Last', 'Nom', 'Nom de famille'] },
  {
    name: 'emails',
    labelEn: 'E-mails',
    labelFr: 'Courriels',
    multiple: true,
    headers: [
      'Email',
      'E-mail',
      'Emails',
      'Email Address',
      'Email (Primary)',
      'Primary Email',
      'Email 2',
      'Other Email',
      'Work Email',
      'Home Email',
      'Courriel',
      'Courriels',
      'Adresse courriel',
      'Adresse électronique',
      'Courriel (principal)',
      'Adresse e-mail',
    ],
  },
  {
    name: 'phones',
    labelEn: 'Phones',
    labelFr: 'Téléphones',
    multiple: true,
    headers: [
      'Phone',
      'Phones',
      'Phone (Primary)',
      'Phone Number',
      'Primary Phone',
      'Telephone',
      'Mobile',
      'Mobile Phone',
      'Cell',
      'Cell Phone',
      'Work Phone',
      'Home Phone',
      'Téléphone',
      'Téléphones',
      'Téléphone (principal)',
      'Cellulaire',
      'Numéro de téléphone',
    ],
  },
  {
    name: 'preferredLanguage',
    labelEn: 'Preferred language',
    labelFr: 'Langue de préférence',
    headers: ['Preferred Language', 'Language', 'Langue', 'Langue préférée', 'Langue de préférence', 'Langue de communication'],
  },
  {
    name: 'leaderCategory',
    labelEn: 'Leader category',
    labelFr: 'Catégorie de leader',
    headers: ['Leader Category', 'Category', 'Catégorie', 'Catégorie de leader'],
  },
  commonImportFields.province,
  commonImportFields.city,
  {
    name: 'organizationName',
    labelEn: 'Organization',
    labelFr: 'Organisme',
    headers: [
      'Organization Name',
      'Organisation Name',
      'Organization',
      'Organisation',
      'Organisme',
      'Current Employer',
      'Employer',
      'Employer Name',
      "Nom de l'organisation",
      "Nom de l'organisme",
      'Employeur',
      'Employeur actuel',
    ],
  },
  {
    name: 'jobTitle',
    labelEn: 'Job title',
    labelFr: 'Fonction',
    headers: ['Job Title', 'Title', 'Position', 'Role', 'Titre', 'Poste', 'Fonction', 'Titre du poste'],
  },
  commonImportFields.ownerEmail,
  {
    name: 'consentEmail',
    labelEn: 'May e-mail',
    labelFr: 'Accepte les courriels',
    headers: ['May Email', 'Consent Email', 'Email Consent', 'Accepte les courriels', 'Consentement courriel'],
  },
  {
    name: 'consentPhone',
    labelEn: 'May phone',
    labelFr: 'Accepte les appels',
    headers: ['May Phone', 'Consent Phone', 'Phone Consent', 'Accepte les appels', 'Consentement téléphone'],
  },
  {
    name: 'doNotEmail',
    labelEn: 'Do not e-mail',
    labelFr: 'Ne pas envoyer de courriel',
    headers: ['Do Not Email', 'Is Opt Out', 'No Bulk Emails (User Opt Out)', 'Ne pas envoyer de courriel', 'Pas de courriel', 'Ne pas écrire'],
  },
  { name: 'doNotPhone', labelEn: 'Do not phone', labelFr: 'Ne pas téléphoner', headers: ['Do Not Phone', 'Ne pas téléphoner', 'Pas de téléphone'] },
  { name: 'doNotContact', labelEn: 'Do not contact', labelFr: 'Ne pas contacter', headers: ['Do Not Contact', 'Ne pas contacter', 'Ne pas solliciter'] },
  {
    name: 'livedExperience',
    labelEn: 'Lived experience',
    labelFr: 'Expérience vécue',
    headers: ['Lived Experience', 'Lived experience as a refugee', 'Expérience vécue'],
  },
  commonImportFields.tags,
  commonImportFields.notes,
  commonImportFields.contactType,
];

/** People's export list, in the registry data-transfer reads (their import: PersonImportTarget). */
@Injectable()
export class PersonTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(peopleExportList);
  }
}
