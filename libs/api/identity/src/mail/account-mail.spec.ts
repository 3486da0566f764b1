import { invitationMail, passwordResetMail } from './account-mail';

describe('account e-mails', () => {
  const base = { to: 'a@example.org', name: 'Amina <Ahmed>', inviter: 'Jo', campaign: 'Protéger les réfugiés', link: 'http://x/invitation/abc', hours: 72 };

  it('renders the invitation in French with the link and expiry', () => {
    const mail = invitationMail({ ...base, lang: 'fr' });
    expect(mail.subject).toBe('Votre compte Coalition CRM');
    expect(mail.text).toContain('Bonjour Amina <Ahmed>,');
    expect(mail.text).toContain('72 heures');
    expect(mail.text).toContain('http://x/invitation/abc');
  });

  it('escapes names in the HTML body', () => {
    const mail = invitationMail({ ...base, lang: 'en' });
    expect(mail.html).toContain('Amina &lt;Ahmed&gt;');
    expect(mail.html).not.toContain('<Ahmed>');
  });

  it('renders the reset e-mail in English', () => {
    const mail = passwordResetMail({ lang: 'en', to: 'a@example.org', name: 'Amina', link: 'http://x/reset/abc', minutes: 60 });
    expect(mail.subject).toBe('Reset your Coalition CRM password');
    expect(mail.text).toContain('60 minutes');
  });
});
