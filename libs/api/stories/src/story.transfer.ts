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
import { catalogueLabels, exportCells, languageLabels, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
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
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'title', en: 'Title', fr: 'Titre', cell: (r) => r.title },
  { key: 'kind', en: 'Contribution', fr: 'Contribution', cell: (r, lang) => kind(r.kind, lang) },
  { key: 'language', en: 'Language', fr: 'Langue', cell: (r, lang) => languageLabels[r.language]?.[lang] ?? r.language },
  { key: 'status', en: 'Status', fr: 'Statut', cell: (r, lang) => status(r.status, lang) },
  { key: 'consentLevel', en: 'Consent', fr: 'Consentement', cell: (r, lang) => consent(r.consent_level, lang) },
  { key: 'consentDate', en: 'Consent given on', fr: 'Consentement donné le', type: 'date', cell: (r) => r.consent_date },
  { key: 'consentMethod', en: 'How consent was given', fr: 'Forme du consentement', cell: (r, lang) => method(r.consent_method, lang) },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'storytellerName', en: 'Storyteller', fr: 'Personne qui raconte', cell: (r) => r.storyteller_name },
  { key: 'text', en: 'Story', fr: 'Récit', cell: (r) => r.text },
  { key: 'publishedAt', en: 'Published', fr: 'Publié le', cell: (r) => r.published_at },
  { key: 'withdrawnAt', en: 'Consent withdrawn', fr: 'Consentement retiré le', cell: (r) => r.withdrawn_at },
  { key: 'createdAt', en: 'Created', fr: 'Créé le', cell: (r) => r.created_at },
  { key: 'updatedAt', en: 'Updated', fr: 'Modifié le', cell: (r) => r.updated_at },
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
