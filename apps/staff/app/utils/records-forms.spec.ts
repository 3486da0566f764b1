import { defineAbilityFor } from '@crm/authz';
import { completeUpdate, lockedOrganizationFields, NewPersonForm, OrganizationForm, PersonForm, personLists, withoutLocked } from './records-forms';
import { parseForm } from './forms';

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
const id = '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';

describe('person forms', () => {
  it('reads e-mails and phones one per line, normalized by the shared schema', () => {
    const submission = parseForm(
      form({ id, version: '3', firstName: 'Amina', emails: 'amina@example.org\n\nAMINA@example.org', phones: '613-555-0199', consentEmail: 'on' }),
      PersonForm,
    );
    expect(submission.status).toBe('success');
    if (submission.status !== 'success') return;
    expect(submission.value.phones).toEqual(['+16135550199']);
    expect(submission.value.consentEmail).toBe(true);
    expect(completeUpdate(submission.value, { text: ['city'], checkboxes: ['doNotContact'], lists: ['tags'] })).toMatchObject({
      city: null,
      doNotContact: false,
      tags: [],
    });
  });

  it('reads one input per e-mail and phone, leaving the empty last one out, and names a bad phone by its index', () => {
    const ok = parseForm(
      form({ firstName: 'Amina', provinceCode: 'ON', 'emails[0]': 'amina@example.org', 'emails[1]': '', 'phones[0]': '(905) 555-0199', 'phones[1]': '' }),
      NewPersonForm,
    );
    expect(ok.status === 'success' ? [ok.value.emails, ok.value.phones] : ok.error).toEqual([['amina@example.org'], ['+19055550199']]);
    const bad = parseForm(form({ firstName: 'Amina', provinceCode: 'ON', 'phones[0]': '613-555-0199', 'phones[1]': '555-01' }), NewPersonForm);
    expect(bad.status === 'error' ? bad.error?.['phones[1]'] : null).toEqual(['phone']);
  });

  it('reads tags posted one input each, even a single one', () => {
    const one = parseForm(form({ firstName: 'Amina', provinceCode: 'ON', tags: 'mp-contact' }), NewPersonForm);
    expect(one.status === 'success' ? one.value.tags : one.error).toEqual(['mp-contact']);
    const two = parseForm(form({ firstName: 'Amina', provinceCode: 'ON', tags: ['mp-contact', 'media'] }), NewPersonForm);
    expect(two.status === 'success' ? two.value.tags : two.error).toEqual(['mp-contact', 'media']);
  });

  it('puts a bad e-mail beside the field as a catalogue key', () => {
    const submission = parseForm(form({ firstName: 'Amina', provinceCode: 'ON', emails: 'not-an-email' }), NewPersonForm);
    expect(submission.status).toBe('error');
    const errors = submission.status === 'error' ? submission.error : {};
    expect(Object.entries(errors ?? {}).find(([name]) => name.startsWith('emails'))?.[1]).toEqual(['email']);
  });

  it('reads affiliation rows as the API input; a row twice is named by its index', () => {
    const other = '7a2d2f1e-9b4c-4d2e-8f3a-1b2c3d4e5f60';
    const ok = parseForm(
      form({
        id,
        version: '2',
        firstName: 'Amina',
        'affiliations[0].organizationId': other,
        'affiliations[0].title': ' Director ',
        'affiliations[0].organizationName': 'x',
      }),
      PersonForm,
    );
    expect(ok.status === 'success' ? ok.value.affiliations : null).toEqual([{ organizationId: other, title: 'Director' }]);
    const twice = parseForm(
      form({ id, version: '2', firstName: 'Amina', 'affiliations[0].organizationId': other, 'affiliations[1].organizationId': other }),
      PersonForm,
    );
    expect(twice.status === 'error' ? twice.error?.['affiliations[1].organizationId'] : null).toEqual(['listedTwice']);
  });

  it('an edit with no affiliation rows left clears them', () => {
    const submission = parseForm(form({ id, version: '2', firstName: 'Amina' }), PersonForm);
    expect(submission.status === 'success' ? completeUpdate(submission.value, { lists: personLists }).affiliations : null).toEqual([]);
  });

  it('refuses an emptied first name beside the field, never "saved" with the old one', () => {
    for (const firstName of ['', '   ']) {
      const submission = parseForm(form({ id, version: '2', firstName, lastName: 'Haddad' }), PersonForm);
      expect(submission.status === 'error' ? submission.error?.firstName : null).toEqual(['required']);
    }
  });

  it('asks for a province for a new person', () => {
    const submission = parseForm(form({ firstName: 'Amina' }), NewPersonForm);
    expect(submission.status === 'error' ? submission.error?.provinceCode : null).toEqual(['province']);
  });
});

describe('organization form', () => {
  it('checks the postal code against the province', () => {
    const submission = parseForm(form({ id, version: '1', nameEn: 'Welcome Centre', provinceCode: 'QC', postalCode: 'K1A 0B1' }), OrganizationForm);
    expect(submission.status === 'error' ? submission.error?.postalCode : null).toEqual([`postalCodeProvince|{"province":"QC"}`]);
  });

  it('refuses an emptied English name beside the field (the edit shows it: empty is not "unchanged")', () => {
    const submission = parseForm(form({ id, version: '1', nameEn: '  ', provinceCode: 'QC' }), OrganizationForm);
    expect(submission.status === 'error' ? submission.error?.nameEn : null).toEqual(['required']);
  });
});

describe('lockedOrganizationFields', () => {
  const member = defineAbilityFor({ id: 'm1', role: 'MEMBER', provinceCodes: [], organizationId: 'org-1' });
  const staff = defineAbilityFor({ id: 's1', role: 'STAFF', provinceCodes: [], organizationId: null });

  it('locks what a member contact may not change on their organization, and nothing for staff', () => {
    expect(lockedOrganizationFields(member, { id: 'org-1' })).toEqual(['membership', 'membershipSince', 'provinceCode', 'tags', 'notes', 'ownerId']);
    expect(lockedOrganizationFields(staff, { id: 'org-1' })).toEqual([]);
  });

  it('leaves locked fields out of the update', () => {
    expect(withoutLocked({ id: 'org-1', city: 'Ottawa', notes: 'x', tags: [] }, ['notes', 'tags'])).toEqual({ id: 'org-1', city: 'Ottawa' });
  });
});
