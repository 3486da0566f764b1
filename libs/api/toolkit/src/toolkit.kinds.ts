import { personalFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { ActivityEntry } from '@crm/timeline';
import type { ToolkitItemRow, ToolkitRequestLineRow, ToolkitRequestRow } from './toolkit.rows';

export const toolkitItemKind: RecordKind<ToolkitItemRow> = {
  subjectType: 'ToolkitItem',
  noun: 'toolkitItem',
  personalFields: [],
  auditView: ({ kind, language, titleEn, titleFr, descriptionEn, descriptionFr, lowStockThreshold, downloadUrl, archivedAt }) => ({
    kind,
    language,
    titleEn,
    titleFr,
    descriptionEn,
    descriptionFr,
    lowStockThreshold,
    downloadUrl,
    archived: archivedAt !== null,
  }),
  // The catalogue is no one's timeline; its history is the audit log and the movements.
  timeline: () => ({ subjects: [], prefix: 'toolkitItem' }),
};

/** A request as the audit log records it: the requester's name, e-mail and address are personal (masked there). */
export type AuditedToolkitRequest = ToolkitRequestRow & { lines?: Pick<ToolkitRequestLineRow, 'itemId' | 'quantity'>[] };

export const toolkitRequestKind: RecordKind<AuditedToolkitRequest> = {
  subjectType: 'ToolkitRequest',
  noun: 'toolkitRequest',
  personalFields: personalFields.ToolkitRequest,
  auditView: (row) => ({
    source: row.source,
    status: row.status,
    language: row.language,
    organizationId: row.organizationId,
    requesterName: row.requesterName,
    requesterEmail: row.requesterEmail,
    requesterOrganization: row.requesterOrganization,
    address: row.addressLine || row.city || row.postalCode ? { line: row.addressLine, city: row.city, postalCode: row.postalCode } : null,
    provinceCode: row.provinceCode,
    note: row.note,
    assigneeId: row.assigneeId,
    assigneeOrganizationId: row.assigneeOrganizationId,
    declineReason: row.declineReason,
    ...(row.lines ? { items: row.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity })) } : {}),
  }),
  // On its own timeline (the request page's history), and on those of the organization that asked and the one that delivers.
  timeline: (row) => ({
    subjects: [
      { subjectType: 'ToolkitRequest' as const, subjectId: row.id },
      ...[...new Set([row.organizationId, row.assigneeOrganizationId].filter((id): id is string => id !== null))].map((subjectId) => ({
        subjectType: 'Organization' as const,
        subjectId,
      })),
    ],
    prefix: 'toolkitRequest',
  }),
};

/** A step's own timeline entry (`toolkitRequest.shipped`), on the same organizations, naming the new status. */
export function stepEntries(row: ToolkitRequestRow): ActivityEntry[] {
  return toolkitRequestKind.timeline(row).subjects.map(({ subjectType, subjectId }) => ({
    subjectType,
    subjectId,
    kind: `toolkitRequest.${row.status}`,
    recordType: 'ToolkitRequest',
    recordId: row.id,
    summary: { status: row.status },
  }));
}
