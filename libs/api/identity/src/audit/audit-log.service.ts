import { Injectable, type OnModuleInit } from '@nestjs/common';
import { subject, type AppAbility } from '@crm/authz';
import { CampaignService } from '@crm/campaigns';
import type { AuditFilter } from '@crm/contracts';
import { MASKED, type RequestContext } from '@crm/platform';
import { AuditLogRepository } from './audit-log.repository';
import { referencedIds, viewChanges, type AuditEntryRow, type AuditFieldChangeView, type AuditRecordRefView } from './audit-entry-view';
import { AuditSubjects, type AuditSubjectName } from './audit-subjects';

// Ids are uuids; anything else in a stored entry is never looked up.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditEntryView extends AuditEntryRow {
  subject: AuditRecordRefView | null;
  fieldChanges: AuditFieldChangeView[];
}

/**
 * The audit log as a person reads it: each entry with its record's name (where the
 * viewer may read the record), the ids it mentions as names, and values masked where
 * the viewer may not read them. One query per record type per page.
 */
@Injectable()
export class AuditLogService implements OnModuleInit {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly subjects: AuditSubjects,
    private readonly campaigns: CampaignService,
  ) {}

  onModuleInit(): void {
    // Users are identity's own: named when the viewer may read them.
    this.subjects.register('User', async (ability, ids) =>
      (await this.repository.userNames(ids))
        .filter((user) => ability.can('read', subject('User', { id: user.id })))
        .map((user) => ({ id: user.id, name: user.name, ruleFields: { id: user.id } })),
    );
    // Campaigns sit on identity's floor (identity uses them, so they cannot register here themselves).
    this.subjects.register('Campaign', async (ability, ids) =>
      ability.can('read', 'Campaign')
        ? (await this.campaigns.names(ids)).map((campaign) => ({
            id: campaign.id,
            name: campaign.nameEn,
            nameFr: campaign.nameFr,
            ruleFields: { id: campaign.id },
          }))
        : [],
    );
  }

  async list(ctx: Pick<RequestContext, 'ability'>, filter: AuditFilter, first: number, after: string | null | undefined) {
    const page = await this.repository.list(filter, first, after);
    return { ...page, nodes: await this.describe(ctx.ability, page.nodes) };
  }

  /** Entries as `ability` may read them (exported for tests of other roles than the log's readers). */
  async describe(ability: AppAbility, entries: AuditEntryRow[]): Promise<AuditEntryView[]> {
    const wanted = new Map<string, Set<string>>();
    const want = (type: string, id: string | null) => {
      if (!id || !uuid.test(id)) return;
      if (!wanted.has(type)) wanted.set(type, new Set());
      wanted.get(type)?.add(id);
    };
    for (const entry of entries) {
      want(entry.subjectType, entry.subjectId);
      for (const [type, id] of referencedIds(entry)) want(type, id);
    }
    const found = new Map<string, Map<string, AuditSubjectName>>();
    for (const [type, ids] of wanted) found.set(type, await this.subjects.names(ability, type, [...ids]));
    const names = (type: string, id: string) => found.get(type)?.get(id);

    return entries.map((entry) => {
      const named = entry.subjectId ? names(entry.subjectType, entry.subjectId) : undefined;
      const fieldChanges = viewChanges(ability, entry, names, this.subjects.has(entry.subjectType));
      return {
        ...entry,
        // The stored JSON as the viewer may see it: the same masking as fieldChanges.
        changes: Object.fromEntries(
          fieldChanges.map((change) => [change.field, change.masked ? { from: MASKED, to: MASKED } : { from: change.from, to: change.to }]),
        ),
        subject: entry.subjectId ? { subjectType: entry.subjectType, id: entry.subjectId, name: named?.name ?? null, nameFr: named?.nameFr ?? null } : null,
        fieldChanges,
      };
    });
  }
}
