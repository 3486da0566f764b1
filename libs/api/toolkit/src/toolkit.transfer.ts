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
import { catalogueLabels, exportCells, languageLabels, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
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
      { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
      { key: 'titleEn', en: 'Title (English)', fr: 'Titre (anglais)', cell: (r) => r.title_en },
      { key: 'titleFr', en: 'Title (French)', fr: 'Titre (français)', cell: (r) => r.title_fr },
      { key: 'descriptionEn', en: 'Description (English)', fr: 'Description (anglais)', cell: (r) => r.description_en },
      { key: 'descriptionFr', en: 'Description (French)', fr: 'Description (français)', cell: (r) => r.description_fr },
      { key: 'kind', en: 'Kind', fr: 'Type', cell: (r, lang) => itemKind(r.kind, lang) },
      { key: 'language', en: 'Edition', fr: 'Édition', cell: (r, lang) => itemEdition(r.language, lang) },
      { key: 'onHand', en: 'On hand', fr: 'En stock', cell: (r) => r.on_hand },
      { key: 'lowStockThreshold', en: 'Low-stock threshold', fr: 'Seuil de stock bas', cell: (r) => r.low_stock_threshold },
      { key: 'shipped', en: 'Shipped', fr: 'Expédiés', cell: (r) => r.shipped },
      { key: 'downloads', en: 'Downloads', fr: 'Téléchargements', cell: (r) => r.downloads },
      { key: 'downloadUrl', en: 'File', fr: 'Fichier', cell: (r) => r.download_url },
      { key: 'archivedAt', en: 'Archived', fr: 'Archivé le', cell: (r) => r.archived_at },
      { key: 'createdAt', en: 'Created', fr: 'Créé le', cell: (r) => r.created_at },
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
      { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
      { key: 'at', en: 'When', fr: 'Quand', cell: (r) => r.at },
      { key: 'itemId', en: 'Item ID', fr: 'ID de l’article', cell: (r) => r.item_id },
      { key: 'item', en: 'Item', fr: 'Article', cell: (r, lang) => (lang === 'fr' ? r.title_fr : r.title_en) },
      { key: 'kind', en: 'Movement', fr: 'Mouvement', cell: (r, lang) => movementKind(r.kind, lang) },
      { key: 'quantity', en: 'Quantity', fr: 'Quantité', cell: (r) => r.quantity },
      { key: 'reason', en: 'Reason', fr: 'Motif', cell: (r) => r.reason },
      { key: 'requestId', en: 'Request ID', fr: 'ID de la demande', cell: (r) => r.request_id },
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
