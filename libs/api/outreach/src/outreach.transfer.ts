import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { OutreachFilter, outreachChannelValues, outreachOutcomeValues, type OutreachChannel, type OutreachOutcome } from '@crm/contracts';
import { SqlParams } from '@crm/platform';
import { catalogueLabels, dateColumn, exportCells, fieldColumn, labelColumn, ownerEmailShaper, recordColumns, TransferRegistry } from '@crm/records';
import type { ExportColumn, ExportList, ExportQuery, TransferLang } from '@crm/records';
import { outreachListOrder, outreachListWhere } from './outreach.repository';

// "Only mine" needs the caller's id, which an export query does not get: the export takes every other filter.
export const OutreachExportFilter = OutreachFilter.omit({ mine: true });
type OutreachExportFilter = ReturnType<typeof OutreachExportFilter.parse>;

export interface OutreachExportRow {
  id: string;
  occurred_on: string;
  person_id: string;
  person_name: string;
  province_code: string;
  campaign: string;
  channel: OutreachChannel;
  outcome: OutreachOutcome;
  policy_ask: string | null;
  notes: string | null;
  follow_up_on: string | null;
  owner_id: string | null;
  owner_email: string | null;
  follow_up_done: boolean;
  created_by_id: string | null;
  created_by_email: string | null;
  created_at: Date;
}

const channel = exportCells.label(catalogueLabels<OutreachChannel>(outreachChannelValues, (code) => `outreach.channel.${code}`));
const outcome = exportCells.label(catalogueLabels<OutreachOutcome>(outreachOutcomeValues, (code) => `outreach.outcome.${code}`));

// Stable order: new columns at the end.
const outreachExportColumns: ExportColumn<OutreachExportRow>[] = [
  recordColumns.id,
  dateColumn('occurredOn', 'Date', 'Date', 'occurred_on'),
  fieldColumn('personId', 'Person ID', 'ID de la personne', 'person_id'),
  fieldColumn('person', 'Person', 'Personne', 'person_name'),
  recordColumns.provinceCode,
  recordColumns.campaign,
  labelColumn('channel', 'Channel', 'Moyen', 'channel', channel),
  labelColumn('outcome', 'Outcome', 'Résultat', 'outcome', outcome),
  fieldColumn('policyAsk', 'Policy ask', 'Revendication', 'policy_ask'),
  fieldColumn('notes', 'Notes', 'Notes', 'notes'),
  dateColumn('followUpOn', 'Next follow-up', 'Prochain suivi', 'follow_up_on'),
  fieldColumn('followUpOwnerEmail', 'Follow-up owner e-mail', 'Courriel de la personne responsable du suivi', 'owner_email'),
  { key: 'followUpDone', en: 'Follow-up done', fr: 'Suivi fait', cell: (r, lang) => exportCells.yesNo(r.follow_up_on ? r.follow_up_done : null, lang) },
  fieldColumn('recordedBy', 'Recorded by', 'Consigné par', 'created_by_email'),
  fieldColumn('createdAt', 'Recorded', 'Consigné le', 'created_at'),
];

/** The outreach list's rows as a CSV export: the same WHERE and ORDER BY as `outreachList`, with the caller's export scope. */
export function outreachExportQuery(ability: AppAbility, filter: OutreachExportFilter, lang: TransferLang): ExportQuery {
  const params = new SqlParams();
  const where = outreachListWhere(params, ability, 'export', null, filter);
  const suffix = lang === 'fr' ? 'fr' : 'en';
  return {
    sql: `SELECT o.id, to_char(o.occurred_on, 'YYYY-MM-DD') AS occurred_on, o.person_id, trim(p.first_name || ' ' || p.last_name) AS person_name,
                 p.province_code, c.name_${suffix} AS campaign, o.channel, o.outcome, pa.title_${suffix} AS policy_ask, o.notes,
                 to_char(o.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, o.follow_up_owner_id AS owner_id, ow.email AS owner_email,
                 o.follow_up_done_at IS NOT NULL AS follow_up_done, o.created_by_id, cb.email AS created_by_email, o.created_at
            FROM outreach o JOIN person p ON p.id = o.person_id JOIN campaign c ON c.id = o.campaign_id
            LEFT JOIN policy_ask pa ON pa.id = o.policy_ask_id
            LEFT JOIN app_user ow ON ow.id = o.follow_up_owner_id
            LEFT JOIN app_user cb ON cb.id = o.created_by_id
           WHERE ${where.join(' AND ')}
           ORDER BY ${outreachListOrder}`,
    params: params.values,
  };
}

export const outreachExportList: ExportList<OutreachExportFilter, OutreachExportRow> = {
  name: 'outreach',
  subject: 'Outreach',
  graphqlList: 'outreachList',
  filter: OutreachExportFilter,
  filename: { en: 'outreach', fr: 'contacts' },
  query: outreachExportQuery,
  columns: outreachExportColumns,
  // Account e-mails only where the caller may read them (as the people export does for owners).
  shapeRows: (ability) => {
    const owners = ownerEmailShaper(ability);
    return (row) => {
      row.owner_email = owners(row.owner_id, row.owner_email);
      row.created_by_email = owners(row.created_by_id, row.created_by_email);
      return row;
    };
  },
};

/** Outreach's export list in the registry data-transfer reads (`GET /export/outreach.csv`). */
@Injectable()
export class OutreachTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(outreachExportList);
  }
}
