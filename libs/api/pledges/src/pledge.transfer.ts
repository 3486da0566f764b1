import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PledgeFilter, pledgeKindValues, pledgeStatusValues, type PledgeKind, type PledgeStatus } from '@crm/contracts';
import { catalogueLabels, exportCells, ownerEmailShaper, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
import { pledgeExportQuery } from './pledge.repository';

/** A pledge as the export query returns it (snake_case, straight from PostgreSQL). */
export interface PledgeExportRow {
  id: string;
  kind: PledgeKind;
  status: PledgeStatus;
  person_id: string | null;
  organization_id: string | null;
  /** Null when the caller may not read the pledger. */
  pledger: string | null;
  province_code: string;
  campaign: string;
  policy_ask: string | null;
  due_on: string | null;
  overdue_since: string | null;
  evidence: string | null;
  event_id: string | null;
  event_title: string | null;
  outreach_id: string | null;
  owner_id: string | null;
  owner_email: string | null;
  fulfilled_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const kind = exportCells.label(catalogueLabels<PledgeKind>(pledgeKindValues, (code) => `pledge.kind.${code}`));
const status = exportCells.label(catalogueLabels<PledgeStatus>(pledgeStatusValues, (code) => `pledge.status.${code}`));

// Stable order: new columns at the end.
const pledgeExportColumns: ExportColumn<PledgeExportRow>[] = [
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'kind', en: 'Pledge', fr: 'Engagement', cell: (r, lang) => kind(r.kind, lang) },
  { key: 'status', en: 'Status', fr: 'Statut', cell: (r, lang) => status(r.status, lang) },
  { key: 'pledger', en: 'Pledged by', fr: 'Pris par', cell: (r) => r.pledger },
  { key: 'personId', en: 'Person ID', fr: 'ID de la personne', cell: (r) => r.person_id },
  { key: 'organizationId', en: 'Organization ID', fr: 'ID de l’organisme', cell: (r) => r.organization_id },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'campaign', en: 'Campaign', fr: 'Campagne', cell: (r) => r.campaign },
  { key: 'policyAsk', en: 'Policy ask', fr: 'Recommandation', cell: (r) => r.policy_ask },
  { key: 'dueOn', en: 'Due', fr: 'Échéance', type: 'date', cell: (r) => r.due_on },
  { key: 'overdueSince', en: 'Overdue since', fr: 'En retard depuis', type: 'date', cell: (r) => r.overdue_since },
  { key: 'evidence', en: 'Evidence', fr: 'Preuve', cell: (r) => r.evidence },
  { key: 'eventId', en: 'Event ID', fr: 'ID de l’événement', cell: (r) => r.event_id },
  { key: 'event', en: 'Event', fr: 'Événement', cell: (r) => r.event_title },
  { key: 'outreachId', en: 'Outreach ID', fr: 'ID du contact', cell: (r) => r.outreach_id },
  { key: 'ownerEmail', en: 'Followed up by (e-mail)', fr: 'Suivi par (courriel)', cell: (r) => r.owner_email },
  { key: 'fulfilledAt', en: 'Fulfilled', fr: 'Réalisé le', cell: (r) => r.fulfilled_at },
  { key: 'createdAt', en: 'Recorded', fr: 'Consigné le', cell: (r) => r.created_at },
  { key: 'updatedAt', en: 'Updated', fr: 'Modifié le', cell: (r) => r.updated_at },
];

export const pledgesExportList: ExportList<PledgeFilter, PledgeExportRow> = {
  name: 'pledges',
  subject: 'Pledge',
  graphqlList: 'pledges',
  filter: PledgeFilter,
  filename: { en: 'pledges', fr: 'engagements' },
  query: pledgeExportQuery,
  columns: pledgeExportColumns,
  // Account e-mails only where the caller may read them (as outreach's export does).
  shapeRows: (ability) => {
    const owners = ownerEmailShaper(ability);
    return (row) => {
      row.owner_email = owners(row.owner_id, row.owner_email);
      return row;
    };
  },
};

/** The pledges list in the registry data-transfer reads (`GET /export/pledges.csv`). */
@Injectable()
export class PledgeTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(pledgesExportList);
  }
}
