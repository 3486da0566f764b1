import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, type AppAbility } from '@crm/authz';
import {
  ToolkitRequestFilter,
  toolkitRequestSourceValues,
  toolkitRequestStatusValues,
  type Language,
  type ToolkitRequestSource,
  type ToolkitRequestStatus,
} from '@crm/contracts';
import { APP_CONFIG, type AppConfig } from '@crm/platform';
import { catalogueLabels, exportCells, languageLabels, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
import { toolkitRequestExportQuery } from './toolkit-request.repository';

/** A request as the export query returns it (snake_case, straight from PostgreSQL). */
export interface ToolkitRequestExportRow {
  id: string;
  reference: string;
  status: ToolkitRequestStatus;
  source: ToolkitRequestSource;
  language: Language;
  organization_id: string | null;
  requester_name: string | null;
  requester_email: string | null;
  requester_organization: string | null;
  address_line: string | null;
  city: string | null;
  province_code: string;
  postal_code: string | null;
  note: string | null;
  assignee_id: string | null;
  assignee_organization_id: string | null;
  decline_reason: string | null;
  created_by_id: string | null;
  owner_id: string | null;
  created_at: Date;
  status_changed_at: Date;
  closed_at: Date | null;
  erased_at: Date | null;
  items_en: string | null;
  items_fr: string | null;
}

const status = exportCells.label(catalogueLabels<ToolkitRequestStatus>(toolkitRequestStatusValues, (code) => `toolkit.status.${code}`));
const source = exportCells.label(catalogueLabels<ToolkitRequestSource>(toolkitRequestSourceValues, (code) => `toolkit.source.${code}`));

/** Stable order: new columns go at the end. The last is the request's page in the staff app. */
function requestColumns(staffUrl: string): ExportColumn<ToolkitRequestExportRow>[] {
  return [
    { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
    { key: 'reference', en: 'Reference', fr: 'Référence', cell: (r) => r.reference },
    { key: 'status', en: 'Status', fr: 'Statut', cell: (r, lang) => status(r.status, lang) },
    { key: 'source', en: 'Asked by', fr: 'Demandé par', cell: (r, lang) => source(r.source, lang) },
    { key: 'language', en: 'Language', fr: 'Langue', cell: (r, lang) => languageLabels[r.language]?.[lang] ?? r.language },
    { key: 'items', en: 'Items', fr: 'Articles', cell: (r, lang) => (lang === 'fr' ? r.items_fr : r.items_en) },
    { key: 'organizationId', en: 'Organization ID', fr: 'ID de l’organisation', cell: (r) => r.organization_id },
    { key: 'requesterName', en: 'Requester', fr: 'Demandeur ou demandeuse', cell: (r) => r.requester_name },
    { key: 'requesterEmail', en: 'Email', fr: 'Courriel', cell: (r) => r.requester_email },
    { key: 'requesterOrganization', en: 'Requester’s organization', fr: 'Organisme du demandeur', cell: (r) => r.requester_organization },
    { key: 'addressLine', en: 'Address', fr: 'Adresse', cell: (r) => r.address_line },
    { key: 'city', en: 'City', fr: 'Ville', cell: (r) => r.city },
    { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
    { key: 'postalCode', en: 'Postal code', fr: 'Code postal', cell: (r) => r.postal_code },
    { key: 'assigneeOrganizationId', en: 'Delivered by (organization ID)', fr: 'Livré par (ID de l’organisation)', cell: (r) => r.assignee_organization_id },
    { key: 'declineReason', en: 'Reason declined', fr: 'Motif du refus', cell: (r) => r.decline_reason },
    { key: 'createdAt', en: 'Asked on', fr: 'Demandé le', cell: (r) => r.created_at },
    { key: 'statusChangedAt', en: 'Status since', fr: 'Statut depuis le', cell: (r) => r.status_changed_at },
    { key: 'closedAt', en: 'Closed', fr: 'Fermé le', cell: (r) => r.closed_at },
    { key: 'link', en: 'Link', fr: 'Lien', cell: (r) => `${staffUrl}/toolkit/requests/${r.id}` },
  ];
}

/** Field rules per row, as on screen: the requester's name, e-mail, organization, address and note only where the caller may export them. */
function requestRowShaper(ability: AppAbility): (row: ToolkitRequestExportRow) => ToolkitRequestExportRow {
  return (row) => {
    const record = {
      provinceCode: row.province_code,
      createdById: row.created_by_id,
      ownerId: row.owner_id,
      organizationId: row.organization_id,
      assigneeId: row.assignee_id,
      assigneeOrganizationId: row.assignee_organization_id,
    };
    const may = (field: string) => canReadField(ability, 'export', 'ToolkitRequest', field, record);
    if (!may('requesterName')) row.requester_name = null;
    if (!may('requesterEmail')) row.requester_email = null;
    if (!may('requesterOrganization')) row.requester_organization = null;
    if (!may('note')) row.note = null;
    if (!may('address')) Object.assign(row, { address_line: null, city: null, postal_code: null });
    return row;
  };
}

export function toolkitRequestsExportList(staffUrl: string): ExportList<ToolkitRequestFilter, ToolkitRequestExportRow> {
  return {
    name: 'toolkit-requests',
    subject: 'ToolkitRequest',
    graphqlList: 'toolkitRequests',
    filter: ToolkitRequestFilter,
    filename: { en: 'toolkit-requests', fr: 'demandes-trousse' },
    query: toolkitRequestExportQuery,
    columns: requestColumns(staffUrl.replace(/\/+$/, '')),
    shapeRows: requestRowShaper,
  };
}

/** The toolkit's lists in the registry data-transfer reads (decision 058). */
@Injectable()
export class ToolkitTransfer implements OnModuleInit {
  constructor(
    private readonly registry: TransferRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.registerExport(toolkitRequestsExportList(this.config.STAFF_URL));
  }
}
