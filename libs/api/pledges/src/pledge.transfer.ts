import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PledgeFilter, pledgeKindValues, pledgeStatusValues, type PledgeKind, type PledgeStatus } from '@crm/contracts';
import { catalogueLabels, dateColumn, exportCells, fieldColumn, labelColumn, ownerEmailShaper, recordColumns, TransferRegistry } from '@crm/records';
import type { ExportColumn, ExportList } from '@crm/records';
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
  recordColumns.id,
  labelColumn('kind', 'Pledge', 'Engagement', 'kind', kind),
  labelColumn('status', 'Status', 'Statut', 'status', status),
  fieldColumn('pledger', 'Pledged by', 'Pris par', 'pledger'),
  fieldColumn('personId', 'Person ID', 'ID de la personne', 'person_id'),
  fieldColumn('organizationId', 'Organization ID', 'ID de l’organisme', 'organization_id'),
  recordColumns.provinceCode,
  recordColumns.campaign,
  fieldColumn('policyAsk', 'Policy ask', 'Revendication', 'policy_ask'),
  dateColumn('dueOn', 'Due', 'Échéance', 'due_on'),
  dateColumn('overdueSince', 'Overdue since', 'En retard depuis', 'overdue_since'),
  fieldColumn('evidence', 'Evidence', 'Preuve', 'evidence'),
  fieldColumn('eventId', 'Event ID', 'ID de l’événement', 'event_id'),
  fieldColumn('event', 'Event', 'Événement', 'event_title'),
  fieldColumn('outreachId', 'Contact ID', 'ID du contact', 'outreach_id'),
  fieldColumn('ownerEmail', 'Followed up by (e-mail)', 'Suivi par (courriel)', 'owner_email'),
  fieldColumn('fulfilledAt', 'Fulfilled', 'Réalisé le', 'fulfilled_at'),
  fieldColumn('createdAt', 'Recorded', 'Consigné le', 'created_at'),
  recordColumns.updatedAt,
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
