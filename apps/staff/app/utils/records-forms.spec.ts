import { completeUpdate, NewPersonForm, OrganizationForm, PersonForm } from './records-forms';
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

  it('puts a bad e-mail beside the field as a catalogue key', () => {
    const submission = parseForm(form({ firstName: 'Amina', provinceCode: 'ON', emails: 'not-an-email' }), NewPersonForm);
    expect(submission.status).toBe('error');
    const errors = submission.status === 'error' ? submission.error : {};
    expect(Object.entries(errors ?? {}).find(([name]) => name.startsWith('emails'))?.[1]).toEqual(['validation.email']);
  });

  it('asks for a province for a new person', () => {
    const submission = parseForm(form({ firstName: 'Amina' }), NewPersonForm);
    expect(submission.status === 'error' ? submission.error?.provinceCode : null).toEqual(['validation.province']);
  });
});

describe('organization form', () => {
  it('checks the postal code against the province', () => {
    const submission = parseForm(form({ id, version: '1', provinceCode: 'QC', postalCode: 'K1A 0B1' }), OrganizationForm);
    expect(submission.status === 'error' ? submission.error?.postalCode : null).toEqual(['validation.postalCode.province']);
  });
});
