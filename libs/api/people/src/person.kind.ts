import { personalFields, sensitivePersonFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { PersonRow } from './person.row';

export const personKind: RecordKind<PersonRow> = {
  subjectType: 'Person',
  noun: 'person',
  personalFields: personalFields.Person,
  protectedFields: sensitivePersonFields,
  auditView(row) {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, affiliations, ...fields } = row;
    return { ...fields, affiliations: affiliations.map((a) => ({ organizationId: a.organizationId, title: a.title })) };
  },
  timeline: (row) => ({ subjects: [{ subjectType: 'Person', subjectId: row.id }], prefix: 'record' }),
};
