import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { membershipValues, OrganizationFilter, organizationKindValues, type Membership, type OrganizationKind } from '@crm/contracts';
import {
  catalogueLabels,
  commonImportFields,
  dateColumn,
  exportCells,
  fieldColumn,
  labelColumn,
  ownerEmailShaper,
  recordColumns,
  TransferRegistry,
} from '@crm/records';
import type { ExportColumn, ExportList, ImportFieldSpec } from '@crm/records';
import { organizationExportQuery } from './organization.repository';

/** An organization as the export query returns it (snake_case, straight from PostgreSQL). */
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

const kind = exportCells.label(catalogueLabels<OrganizationKind>(organizationKindValues, (code) => `orgKind.${code}`));
const membership = exportCells.label(catalogueLabels<Membership>(membershipValues, (code) => `membership.${code}`));

// Stable order: new columns go at the end. Headers match what the import guesses from.
const organizationExportColumns: ExportColumn<OrganizationExportRow>[] = [
  recordColumns.id,
  fieldColumn('nameEn', 'Name', 'Nom', 'name_en'),
  fieldColumn('nameFr', 'Name (French)', 'Nom (français)', 'name_fr'),
  labelColumn('kind', 'Kind', 'Type', 'kind', kind),
  labelColumn('membership', 'Membership', 'Adhésion', 'membership', membership),
  dateColumn('membershipSince', 'Member since', 'Membre depuis', 'membership_since'),
  recordColumns.provinceCode,
  fieldColumn('city', 'City', 'Ville', 'city'),
  fieldColumn('postalCode', 'Postal code', 'Code postal', 'postal_code'),
  fieldColumn('email', 'E-mail', 'Courriel', 'email'),
  fieldColumn('phone', 'Phone', 'Téléphone', 'phone'),
  fieldColumn('website', 'Website', 'Site Web', 'website'),
  fieldColumn('ownerEmail', 'Owner e-mail', 'Courriel de la personne responsable', 'owner_email'),
  { key: 'tags', en: 'Tags', fr: 'Étiquettes', cell: (r) => exportCells.list(r.tags) },
  fieldColumn('notes', 'Notes', 'Notes', 'notes'),
  recordColumns.createdAt,
  recordColumns.updatedAt,
];

function organizationRowShaper(ability: AppAbility): (row: OrganizationExportRow) => OrganizationExportRow {
  const owners = ownerEmailShaper(ability);
  return (row) => {
    row.owner_email = owners(row.owner_id, row.owner_email);
    return row;
  };
}

export const organizationsExportList: ExportList<OrganizationFilter, OrganizationExportRow> = {
  name: 'organizations',
  subject: 'Organization',
  graphqlList: 'organizations',
  filter: OrganizationFilter,
  filename: { en: 'organizations', fr: 'organismes' },
  query: (ability, filter) => organizationExportQuery(ability, filter),
  columns: organizationExportColumns,
  shapeRows: organizationRowShaper,
};

export const organizationImportFields: ImportFieldSpec[] = [
  {
    name: 'nameEn',
    labelEn: 'Name',
    labelFr: 'Nom',
    required: true,
    headers: [
      'Organization Name',
      'Organisation Name',
      'Name',
      'Organization',
      'Organisation',
      'Name (English)',
      'English Name',
      'Nom',
      "Nom de l'organisation",
      "Nom de l'organisme",
      'Nom (anglais)',
      'Nom anglais',
    ],
  },
  {
    name: 'nameFr',
    labelEn: 'Name (French)',
    labelFr: 'Nom (français)',
    headers: ['Name (French)', 'French Name', 'Nom (français)', 'Nom français', 'Nom en français'],
  },
  {
    name: 'kind',
    labelEn: 'Kind',
    labelFr: 'Type',
    headers: [
      'Kind',
      'Type',
      'Organization Type',
      'Organisation Type',
      'Contact Subtype',
      'Contact Sub Type',
      'Genre',
      "Type d'organisation",
      "Type d'organisme",
      'Sous-type de contact',
    ],
  },
  {
    name: 'membership',
    labelEn: 'Membership',
    labelFr: 'Adhésion',
    headers: ['Membership', 'Membership Status', 'Member Status', 'Adhésion', "Statut d'adhésion", 'Statut de membre'],
  },
  {
    name: 'membershipSince',
    labelEn: 'Member since',
    labelFr: 'Membre depuis',
    headers: ['Member Since', 'Membership Since', 'Membership Start Date', 'Join Date', 'Membre depuis', "Date d'adhésion"],
  },
  commonImportFields.province,
  commonImportFields.city,
  { name: 'postalCode', labelEn: 'Postal code', labelFr: 'Code postal', headers: ['Postal Code', 'Postal', 'Postcode', 'Zip', 'Zip Code', 'Code postal'] },
  {
    name: 'email',
    labelEn: 'E-mail',
    labelFr: 'Courriel',
    headers: ['Email', 'E-mail', 'Email Address', 'Email (Primary)', 'Primary Email', 'Courriel', 'Adresse courriel', 'Courriel (principal)'],
  },
  {
    name: 'phone',
    labelEn: 'Phone',
    labelFr: 'Téléphone',
    headers: ['Phone', 'Phone (Primary)', 'Phone Number', 'Primary Phone', 'Telephone', 'Téléphone', 'Téléphone (principal)', 'Numéro de téléphone'],
  },
  { name: 'website', labelEn: 'Website', labelFr: 'Site Web', headers: ['Website', 'Web Site', 'Web', 'URL', 'Site web', 'Site Web', 'Site internet'] },
  commonImportFields.tags,
  commonImportFields.notes,
  commonImportFields.ownerEmail,
  commonImportFields.contactType,
];

/** Organizations' export list, in the registry data-transfer reads (their import: OrganizationImportTarget). */
@Injectable()
export class OrganizationTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(organizationsExportList);
  }
}
