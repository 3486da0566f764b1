import type { Translate } from '@crm/i18n';

/**
 * Who did it: their name where the viewer may read it; with no user at all, the public
 * form (a request from outside) or the system itself (the ladder rebuilt from the records).
 */
export function actorLabel(t: Translate, entry: { kind: string; actorId?: string | null; actorName?: string | null }): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actorId) return t('records.timeline.someone');
  return entry.kind === 'toolkitRequest.created' ? t('records.timeline.publicForm') : t('records.timeline.system');
}
