import { composeMail, defineMailTemplate } from './mail-template';

const reminder = defineMailTemplate<{ name: string; count: number; link: string }>('test_reminder', (t, p) => ({
  subject: `${p.count}`,
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: ['Line <one>'],
  items: [{ text: 'Call Amina', link: 'https://crm.example/people/1' }, { text: 'No link' }],
  action: { label: t('mail.passwordReset.action'), link: p.link },
  unexpectedNotice: true,
}));

describe('mail templates: one layout, two languages', () => {
  it('writes French typography in the plain text (a space before the colon)', () => {
    const mail = composeMail(reminder, { address: 'a@example.org', language: 'fr' }, { name: 'Amina', count: 2, link: 'https://crm.example/x' });
    expect(mail.text).toContain('Choisir un nouveau mot de passe\u00a0: https://crm.example/x');
    expect(mail.text).toContain('- Call Amina\u00a0: https://crm.example/people/1');
    expect(mail.text).toContain('Bonjour Amina,');
    expect(mail.text).toContain('CRM de la coalition');
    expect(mail.text).not.toContain('Coalition CRM');
  });

  it('names the product as the English screens do', () => {
    const mail = composeMail(reminder, { address: 'a@example.org', language: 'en' }, { name: 'Amina', count: 2, link: 'https://crm.example/x' });
    expect(mail.text).toContain('Choose a new password: https://crm.example/x');
    expect(mail.text).toContain('Coalition CRM');
    expect(mail.template).toBe('test_reminder');
    expect(mail.language).toBe('en');
  });

  it('escapes every value in the HTML part and declares the language', () => {
    const mail = composeMail(reminder, { address: 'a@example.org', language: 'fr' }, { name: '<b>Amina</b>', count: 2, link: 'https://x/"y' });
    expect(mail.html).toContain('&lt;b&gt;Amina&lt;/b&gt;');
    expect(mail.html).toContain('Line &lt;one&gt;');
    expect(mail.html).toContain('href="https://x/&quot;y"');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).not.toContain('<b>Amina</b>');
  });
});
