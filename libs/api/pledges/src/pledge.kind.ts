import { personalFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { PledgeRow } from './pledge.row';

export const pledgeKind: RecordKind<PledgeRow> = {
  subjectType: 'Pledge',
  noun: 'pledge',
  personalFields: [...personalFields.Pledge, 'notes'],
  auditView(row) {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, pledgerName: _p, eventTitleEn: _e, eventTitleFr: _f, ...fields } = row;
    return { ...fields, fulfilledAt: fields.fulfilledAt?.toISOString() ?? null };
  },
  // On the pledger's timeline (a person's or an organization's).
  timeline: (row) => ({
    subjects: row.personId ? [{ subjectType: 'Person', subjectId: row.personId }] : [{ subjectType: 'Organization', subjectId: row.organizationId! }],
    prefix: 'pledge',
  }),
};
