import { personalFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { EventRow } from './event.row';

// Hosts are people: their ids are audited under `hostLeaders`, masked like every personal field.
export const eventKind: RecordKind<EventRow> = {
  subjectType: 'Event',
  noun: 'event',
  personalFields: personalFields.Event,
  auditView(row) {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, hostPersonIds, startsAt, endsAt, ...fields } = row;
    return { ...fields, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), hostLeaders: hostPersonIds };
  },
  // On the timelines of the host organization and of each host.
  timeline: (row) => ({
    subjects: [
      ...(row.organizationId ? [{ subjectType: 'Organization' as const, subjectId: row.organizationId }] : []),
      ...row.hostPersonIds.map((id) => ({ subjectType: 'Person' as const, subjectId: id })),
    ],
    prefix: 'event',
  }),
};
