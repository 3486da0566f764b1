import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, type AppAbility } from '@crm/authz';
import {
  ToolkitItemFilter,
  toolkitEditionValues,
  toolkitItemKindValues,
  ToolkitMovementFilter,
  toolkitMovementKindValues,
  ToolkitRequestFilter,
  toolkitRequestSourceValues,
  toolkitRequestStatusValues,
  type Language,
  type ToolkitEdition,
  type ToolkitItemKind,
  type ToolkitRequestSource,
  type ToolkitRequestStatus,
} from '@crm/contracts';
import { APP_CONFIG, type AppConfig } from '@crm/platform';
import { catalogueLabels, exportCells, fieldColumn, labelColumn, recordColumns, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
import { toolkitItemExportQuery, toolkitMovementExportQuery } from './catalogue.repository';
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
    recordColumns.id,
    fieldColumn('reference', 'Reference', 'Référence', 'reference'),
    labelColumn('status', 'Status', 'Statut', 'status', status),
    labelColumn('source', 'Asked by', 'Demandée par', 'source', source),
    labelColumn('language', 'Language', 'Langue', 'language', exportCells.language),
    { key: 'items', en: 'Items', fr: 'Articles', cell: (r, lang) => (lang === 'fr' ? r.items_fr : r.items_en) },
    fieldColumn('organizationId', 'Organization ID', 'ID de l’organisme', 'organization_id'),
    fieldColumn('requesterName', 'Requester', 'Demandeur ou demandeuse', 'requester_name'),
    fieldColumn('requesterEmail', 'E-mail', 'Courriel', 'requester_email'),
    fieldColumn('requesterOrganization', 'Requester’s organization', 'Organisme du demandeur ou de la demandeuse', 'requester_organization'),
    fieldColumn('addressLine', 'Address', 'Adresse', 'address_line'),
    fieldColumn('city', 'City', 'Ville', 'city'),
    recordColumns.provinceCode,
    fieldColumn('postalCode', 'Postal code', 'Code postal', 'postal_code'),
    fieldColumn('assigneeOrganizationId', 'Delivered by (organization ID)', 'Livrée par (ID de l’organisme)', 'assignee_organization_id'),
    fieldColumn('declineReason', 'Reason declined', 'Motif du refus', 'decline_reason'),
    fieldColumn('createdAt', 'Asked on', 'Demandée le', 'created_at'),
    fieldColumn('statusChangedAt', 'Status since', 'Statut depuis le', 'status_changed_at'),
    fieldColumn('closedAt', 'Closed', 'Fermée le', 'closed_at'),
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
    columns: requestColumns(staffUrl),
    shapeRows: requestRowShaper,
  };
}

export interface ToolkitItemExportRow {
  id: string;
  kind: ToolkitItemKind;
  language: ToolkitEdition;
  title_en: string;
  title_fr: string;
  description_en: string | null;
  description_fr: string | null;
  on_hand: number;
  low_stock_threshold: number;
  download_url: string | null;
  archived_at: Date | null;
  created_at: Date;
  shipped: number;
  downloads: number;
}

const itemKind = exportCells.label(catalogueLabels<ToolkitItemKind>(toolkitItemKindValues, (code) => `toolkit.kind.${code}`));
const itemEdition = exportCells.label(catalogueLabels<ToolkitEdition>(toolkitEditionValues, (code) => `toolkit.edition.${code}`));

export function toolkitItemsExportList(staffUrl: string): ExportList<ToolkitItemFilter, ToolkitItemExportRow> {
  return {
    name: 'toolkit-items',
    subject: 'ToolkitItem',
    graphqlList: 'toolkitItems',
    filter: ToolkitItemFilter,
    filename: { en: 'toolkit-items', fr: 'articles-trousse' },
    query: toolkitItemExportQuery,
    columns: [
      recordColumns.id,
      fieldColumn('titleEn', 'Name (English)', 'Titre (anglais)', 'title_en'),
      fieldColumn('titleFr', 'Name (French)', 'Titre (français)', 'title_fr'),
      fieldColumn('descriptionEn', 'Description (English)', 'Description (anglais)', 'description_en'),
      fieldColumn('descriptionFr', 'Description (French)', 'Description (français)', 'description_fr'),
      labelColumn('kind', 'Kind', 'Type', 'kind', itemKind),
      labelColumn('language', 'Edition', 'Édition', 'language', itemEdition),
      fieldColumn('onHand', 'On hand', 'En stock', 'on_hand'),
      fieldColumn('lowStockThreshold', 'Low-stock threshold', 'Seuil de stock bas', 'low_stock_threshold'),
      fieldColumn('shipped', 'Shipped', 'Expédiés', 'shipped'),
      fieldColumn('downloads', 'Downloads', 'Téléchargements', 'downloads'),
      fieldColumn('downloadUrl', 'File', 'Fichier', 'download_url'),
      fieldColumn('archivedAt', 'Archived', 'Archivé le', 'archived_at'),
      recordColumns.createdAt,
      { key: 'link', en: 'Link', fr: 'Lien', cell: (r) => `${staffUrl}/toolkit/catalogue/${r.id}` },
    ],
  };
}

export interface ToolkitMovementExportRow {
  id: string;
  at: Date;
  item_id: string;
  title_en: string;
  title_fr: string;
  kind: (typeof toolkitMovementKindValues)[number];
  quantity: number;
  reason: string | null;
  request_id: string | null;
}

const movementKind = exportCells.label(catalogueLabels(toolkitMovementKindValues, (code) => `toolkit.movement.${code}`));

export function toolkitMovementsExportList(staffUrl: string): ExportList<ToolkitMovementFilter, ToolkitMovementExportRow> {
  return {
    name: 'toolkit-movements',
    subject: 'ToolkitItem',
    graphqlList: 'toolkitMovements',
    filter: ToolkitMovementFilter,
    filename: { en: 'toolkit-stock-movements', fr: 'mouvements-stock-trousse' },
    query: toolkitMovementExportQuery,
    columns: [
      recordColumns.id,
      fieldColumn('at', 'When', 'Quand', 'at'),
      fieldColumn('itemId', 'Item ID', 'ID de l’article', 'item_id'),
      { key: 'item', en: 'Item', fr: 'Article', cell: (r, lang) => (lang === 'fr' ? r.title_fr : r.title_en) },
      labelColumn('kind', 'Movement', 'Mouvement', 'kind', movementKind),
      fieldColumn('quantity', 'Quantity', 'Quantité', 'quantity'),
      fieldColumn('reason', 'Reason', 'Motif', 'reason'),
      fieldColumn('requestId', 'Request ID', 'ID de la demande', 'request_id'),
      {
        key: 'link',
        en: 'Link',
        fr: 'Lien',
        cell: (r) => (r.request_id ? `${staffUrl}/toolkit/requests/${r.request_id}` : `${staffUrl}/toolkit/inventory?item=${r.item_id}`),
      },
    ],
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
    const staffUrl = this.config.STAFF_URL.replace(/\/+$/, '');
    this.registry.registerExport(toolkitRequestsExportList(staffUrl));
    this.registry.registerExport(toolkitItemsExportList(staffUrl));
    this.registry.registerExport(toolkitMovementsExportList(staffUrl));
  }
}
