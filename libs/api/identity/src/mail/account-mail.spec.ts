import { composeMail } from '@crm/mail';
import { invitationMail, passwordResetMail } from './account-mail';

describe('account e-mails', () => {
  const invitation = { name: 'Amina <Ahmed>', inviter: 'Jo', campaign: 'Protéger les réfugiés', link: 'http://x/invitation/abc', hours: 72 };

  it('renders the invitation in French with the link, the expiry and the product as the French screens name it', () => {
    const mail = composeMail(invitationMail, { address: 'a@example.org', language: 'fr' }, invitation);
    expect(mail.subject).toBe('Votre compte du CRM de la coalition');
    expect(mail.text).toContain('Bonjour Amina <Ahmed>,');
    expect(mail.text).toContain('72\u00a0heures');
    expect(mail.text).toContain('Choisir mon mot de passe\u00a0: http://x/invitation/abc');
    expect(mail.text).not.toContain('Coalition CRM');
  });

  it('escapes names in the HTML body', () => {
    const mail = composeMail(invitationMail, { address: 'a@example.org', language: 'en' }, invitation);
    expect(mail.html).toContain('Amina &lt;Ahmed&gt;');
    expect(mail.html).not.toContain('<Ahmed>');
  });

  it('renders the reset e-mail in English', () => {
    const mail = composeMail(passwordResetMail, { address: 'a@example.org', language: 'en' }, { name: 'Amina', link: 'http://x/reset/abc', minutes: 60 });
    expect(mail.subject).toBe('Reset your Coalition CRM password');
    expect(mail.text).toContain('60 minutes');
    expect(mail.template).toBe('password_reset');
  });
});
