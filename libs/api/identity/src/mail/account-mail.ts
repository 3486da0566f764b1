import { defineMailTemplate } from '@crm/mail';

// The account e-mails, on the shared layout (@crm/mail templates): invitations and password resets.

export const invitationMail = defineMailTemplate<{ name: string; inviter: string; campaign: string; link: string; hours: number }>('invitation', (t, p) => ({
  subject: t('mail.invitation.subject', { product: t('app.name') }),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('mail.invitation.body', { inviter: p.inviter, campaign: p.campaign, hours: p.hours, product: t('app.name') })],
  action: { label: t('mail.invitation.action'), link: p.link },
  unexpectedNotice: true,
}));

export const passwordResetMail = defineMailTemplate<{ name: string; link: string; minutes: number }>('password_reset', (t, p) => ({
  subject: t('mail.passwordReset.subject', { product: t('app.name') }),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('mail.passwordReset.body', { minutes: p.minutes, product: t('app.name') })],
  action: { label: t('mail.passwordReset.action'), link: p.link },
  unexpectedNotice: true,
}));
