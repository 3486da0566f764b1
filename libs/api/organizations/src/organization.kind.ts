import { personalFields } from '@crm/authz';
import type { RecordKind } from '@crm/records';
import type { OrganizationRow } from './organization.row';

export const organizationKind: RecordKind<OrganizationRow> = {
  subjectType: 'Organization',
  noun: 'organization',
  // An organization's own e-mail and phone may be a person's: masked like the contact fields authz lists.
  personalFields: [...personalFields.Organization, 'email', 'phone'],
  auditView(row) {
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, ...fields } = row;
    return fields;
  },
  timeline: (row) => ({ subjects: [{ subjectType: 'Organization', subjectId: row.id }], prefix: 'record' }),
};
