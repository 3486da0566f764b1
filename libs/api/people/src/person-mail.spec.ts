import { personMailWithheld } from './person-mail.repository';

describe('mail to a person: consent and do-not-contact', () => {
  const cases: [string, { doNotContact: boolean; consentEmail: boolean; emails: string[] }, string | null][] = [
    ['consent and an address: mailed', { doNotContact: false, consentEmail: true, emails: ['a@example.org'] }, null],
    ['do-not-contact wins over consent', { doNotContact: true, consentEmail: true, emails: ['a@example.org'] }, 'doNotContact'],
    ['do-not-contact without consent is do-not-contact', { doNotContact: true, consentEmail: false, emails: [] }, 'doNotContact'],
    ['no e-mail consent', { doNotContact: false, consentEmail: false, emails: ['a@example.org'] }, 'noEmailConsent'],
    ['consent but no address', { doNotContact: false, consentEmail: true, emails: [] }, 'noAddress'],
    ['a blank address is no address', { doNotContact: false, consentEmail: true, emails: ['  '] }, 'noAddress'],
  ];
  it.each(cases)('%s', (_name, person, reason) => {
    expect(personMailWithheld(person)).toBe(reason);
  });
});
