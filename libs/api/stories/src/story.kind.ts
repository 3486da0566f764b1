import { personalFields, storytellerFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { StoryRow } from './story.row';

/**
 * A story in the write cycle. Its title, text, storyteller and consent note are personal:
 * the audit log records that they changed, never their values (masked before the entry is
 * written), so erasing a story leaves no copy of its text in the append-only log.
 */
export const storyKind: RecordKind<StoryRow> = {
  subjectType: 'Story',
  noun: 'story',
  personalFields: personalFields.Story,
  protectedFields: storytellerFields,
  auditView(row) {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, withdrawn: _w, ...fields } = row;
    return fields;
  },
  // The story's own timeline only: on the storyteller's or an organization's timeline an
  // entry would say who told an anonymised story to readers who may not know it.
  timeline: (row) => ({ subjects: [{ subjectType: 'Story', subjectId: row.id }], prefix: 'story' }),
};
