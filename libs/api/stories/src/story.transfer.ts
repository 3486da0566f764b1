import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, type AppAbility } from '@crm/authz';
import {
  consentLevelValues,
  consentMethodValues,
  StoryFilter,
  storyKindValues,
  storyStatusValues,
  type ConsentLevel,
  type ConsentMethod,
  type StoryKind,
  type StoryStatus,
} from '@crm/contracts';
import { catalogueLabels, dateColumn, exportCells, fieldColumn, labelColumn, recordColumns, TransferRegistry } from '@crm/records';
import type { ExportColumn, ExportList } from '@crm/records';
import { storyExportQuery } from './story.repository';

/** A story as the export query returns it (snake_case, straight from PostgreSQL). */
export interface StoryExportRow {
  id: string;
  title: string | null;
  kind: StoryKind;
  language: 'en' | 'fr';
  status: StoryStatus;
  consent_level: ConsentLevel;
  consent_date: string;
  consent_method: ConsentMethod;
  province_code: string;
  owner_id: string | null;
  created_by_id: string | null;
  organization_id: string | null;
  withdrawn: boolean;
  /** Null when the caller may not know who told it (field rule). */
  storyteller_name: string | null;
  text: string | null;
  published_at: Date | null;
  withdrawn_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const kind = exportCells.label(catalogueLabels<StoryKind>(storyKindValues, (code) => `story.kind.${code}`));
const status = exportCells.label(catalogueLabels<StoryStatus>(storyStatusValues, (code) => `story.status.${code}`));
const consent = exportCells.label(catalogueLabels<ConsentLevel>(consentLevelValues, (code) => `story.consent.${code}`));
const method = exportCells.label(catalogueLabels<ConsentMethod>(consentMethodValues, (code) => `story.method.${code}`));

// Stable order: new columns go at the end.
const storyExportColumns: ExportColumn<StoryExportRow>[] = [
  recordColumns.id,
  fieldColumn('title', 'Title', 'Titre', 'title'),
  labelColumn('kind', 'Contribution', 'Contribution', 'kind', kind),
  labelColumn('language', 'Language', 'Langue', 'language', exportCells.language),
  labelColumn('status', 'Status', 'Statut', 'status', status),
  labelColumn('consentLevel', 'Consent', 'Consentement', 'consent_level', consent),
  dateColumn('consentDate', 'Consent given on', 'Consentement donné le', 'consent_date'),
  labelColumn('consentMethod', 'How consent was given', 'Forme du consentement', 'consent_method', method),
  recordColumns.provinceCode,
  fieldColumn('storytellerName', 'Storyteller', 'Personne qui raconte', 'storyteller_name'),
  fieldColumn('text', 'Story', 'Récit', 'text'),
  fieldColumn('publishedAt', 'Published', 'Publié le', 'published_at'),
  fieldColumn('withdrawnAt', 'Consent withdrawn', 'Consentement retiré le', 'withdrawn_at'),
  recordColumns.createdAt,
  recordColumns.updatedAt,
];

/** Field rules per row, as on screen: the storyteller and the text only where the caller may export them. */
function storyRowShaper(ability: AppAbility): (row: StoryExportRow) => StoryExportRow {
  return (row) => {
    const record = {
      provinceCode: row.province_code,
      ownerId: row.owner_id,
      createdById: row.created_by_id,
      organizationId: row.organization_id,
      consentLevel: row.consent_level,
      withdrawn: row.withdrawn,
    };
    if (!canReadField(ability, 'export', 'Story', 'storytellerName', record)) row.storyteller_name = null;
    for (const field of ['title', 'text'] as const) if (!canReadField(ability, 'export', 'Story', field, record)) row[field] = null;
    return row;
  };
}

export const storiesExportList: ExportList<StoryFilter, StoryExportRow> = {
  name: 'stories',
  subject: 'Story',
  graphqlList: 'stories',
  filter: StoryFilter,
  filename: { en: 'stories', fr: 'récits' },
  query: storyExportQuery,
  columns: storyExportColumns,
  shapeRows: storyRowShaper,
};

/** The stories list in the registry data-transfer reads (withdrawn stories leave it with the list's own scope). */
@Injectable()
export class StoryTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(storiesExportList);
  }
}
