import type { Language, ToolkitEdition, ToolkitItemKind, ToolkitRequestSource, ToolkitRequestStatus } from '@crm/contracts';

export interface ToolkitItemRow {
  id: string;
  kind: ToolkitItemKind;
  language: ToolkitEdition;
  titleEn: string;
  titleFr: string;
  descriptionEn: string | null;
  descriptionFr: string | null;
  lowStockThreshold: number;
  downloadUrl: string | null;
  onHand: number;
  createdById: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const toolkitItemColumns = `i.id, i.kind, i.language, i.title_en AS "titleEn", i.title_fr AS "titleFr",
  i.description_en AS "descriptionEn", i.description_fr AS "descriptionFr",
  i.low_stock_threshold AS "lowStockThreshold", i.download_url AS "downloadUrl", i.on_hand AS "onHand",
  i.created_by_id AS "createdById", i.archived_at AS "archivedAt", i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

export const toolkitItemWritableColumns = {
  language: 'language',
  titleEn: 'title_en',
  descriptionEn: 'description_en',
  descriptionFr: 'description_fr',
  titleFr: 'title_fr',
  lowStockThreshold: 'low_stock_threshold',
  downloadUrl: 'download_url',
} as const;
export type ToolkitItemValues = { -readonly [K in keyof typeof toolkitItemWritableColumns]?: ToolkitItemRow[K] };

/** Only physical items are stocked: a digital file is downloaded, never shipped from a shelf. */
export const isStocked = (item: { kind: ToolkitItemKind }) => item.kind !== 'digital_file';

export interface ToolkitMovementRow {
  id: string;
  itemId: string;
  kind: 'received' | 'shipped' | 'adjusted';
  quantity: number;
  reason: string | null;
  requestId: string | null;
  actorId: string | null;
  at: Date;
}

export interface ToolkitRequestRow {
  id: string;
  /** The first 8 characters of the id, upper-cased: what people quote on the phone. */
  reference: string;
  source: ToolkitRequestSource;
  status: ToolkitRequestStatus;
  language: Language;
  organizationId: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterOrganization: string | null;
  addressLine: string | null;
  city: string | null;
  provinceCode: string;
  postalCode: string | null;
  note: string | null;
  assigneeId: string | null;
  assigneeOrganizationId: string | null;
  declineReason: string | null;
  ownerId: string | null;
  createdById: string | null;
  statusChangedAt: Date;
  closedAt: Date | null;
  erasedAt: Date | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const toolkitRequestColumns = `r.id, upper(left(r.id::text, 8)) AS reference, r.source, r.status, r.language,
  r.organization_id AS "organizationId", r.requester_name AS "requesterName", r.requester_email AS "requesterEmail",
  r.requester_organization AS "requesterOrganization", r.address_line AS "addressLine", r.city, r.province_code AS "provinceCode",
  r.postal_code AS "postalCode", r.note, r.assignee_id AS "assigneeId", r.assignee_organization_id AS "assigneeOrganizationId",
  r.decline_reason AS "declineReason", r.owner_id AS "ownerId", r.created_by_id AS "createdById",
  r.status_changed_at AS "statusChangedAt", r.closed_at AS "closedAt", r.erased_at AS "erasedAt", r.archived_at AS "archivedAt",
  r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** The request's fields access rules read, as SQL columns (accessibleWhere). */
export const toolkitRequestScopeColumns = {
  provinceCode: 'r.province_code',
  createdById: 'r.created_by_id',
  ownerId: 'r.owner_id',
  organizationId: 'r.organization_id',
  assigneeId: 'r.assignee_id',
  assigneeOrganizationId: 'r.assignee_organization_id',
} as const;

export const toolkitRequestWritableColumns = {
  status: 'status',
  assigneeId: 'assignee_id',
  assigneeOrganizationId: 'assignee_organization_id',
  declineReason: 'decline_reason',
  statusChangedAt: 'status_changed_at',
  closedAt: 'closed_at',
} as const;
export type ToolkitRequestValues = { -readonly [K in keyof typeof toolkitRequestWritableColumns]?: ToolkitRequestRow[K] };

export interface ToolkitRequestLineRow {
  requestId: string;
  itemId: string;
  quantity: number;
  downloadedAt: Date | null;
}

/** What a new request stores (the repository fills status, dates and version). */
export interface NewToolkitRequest {
  source: ToolkitRequestSource;
  status: ToolkitRequestStatus;
  language: Language;
  organizationId: string | null;
  requesterName: string | null;
  requesterEmail: string | null;
  requesterOrganization: string | null;
  addressLine: string | null;
  city: string | null;
  provinceCode: string;
  postalCode: string | null;
  note: string | null;
  createdById: string | null;
  dedupeKey: string | null;
  downloadToken: string;
}
