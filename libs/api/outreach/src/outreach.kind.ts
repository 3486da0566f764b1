import type { RecordKind } from '@crm/records';
import type { OutreachRow } from './outreach.row';

export const outreachKind: RecordKind<OutreachRow> = {
  subjectType: 'Outreach',
  noun: 'outreach',
  // Notes are about a person: the audit log says they changed, not what they say.
  personalFields: ['notes'],
  auditView(row) {
    return {
      personId: row.personId,
      campaignId: row.campaignId,
      channel: row.channel,
      occurredOn: row.occurredOn,
      outcome: row.outcome,
      notes: row.notes,
      policyAskId: row.policyAskId,
      followUpOn: row.followUpOn,
      followUpOwnerId: row.ownerId,
      followUpDone: row.followUpDoneAt !== null,
    };
  },
  // On the person's timeline and on each of their organizations'.
  timeline: (row) => ({
    subjects: [
      { subjectType: 'Person', subjectId: row.personId },
      ...row.organizationIds.map((id) => ({ subjectType: 'Organization' as const, subjectId: id })),
    ],
    prefix: 'outreach',
  }),
};
