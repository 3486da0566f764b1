import { translator, type Language } from '@crm/i18n';
import type { OutgoingMail } from '@crm/mail';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function layout(lang: Language, parts: { greeting: string; body: string; action: string; link: string }) {
  const t = translator(lang);
  const text = `${parts.greeting}\n\n${parts.body}\n\n${parts.action}: ${parts.link}\n\n${t('mail.ignore')}\n\n— ${t('mail.signature')}\n`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">
<p>${escapeHtml(parts.greeting)}</p>
<p>${escapeHtml(parts.body)}</p>
<p><a href="${escapeHtml(parts.link)}"
  style="display:inline-block;padding:10px 16px;background:#1c7ed6;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(parts.action)}</a></p>
<p style="color:#666;font-size:13px">${escapeHtml(parts.link)}</p>
<p style="color:#666;font-size:13px">${escapeHtml(t('mail.ignore'))}</p>
<p>— ${escapeHtml(t('mail.signature'))}</p>
</body></html>`;
  return { text, html };
}

export function invitationMail(args: {
  lang: Language;
  to: string;
  name: string;
  inviter: string;
  campaign: string;
  link: string;
  hours: number;
}): OutgoingMail {
  const t = translator(args.lang);
  const { text, html } = layout(args.lang, {
    greeting: t('mail.greeting', { name: args.name }),
    body: t('mail.invitation.body', { inviter: args.inviter, campaign: args.campaign, hours: args.hours }),
    action: t('mail.invitation.action'),
    link: args.link,
  });
  return { template: 'invitation', language: args.lang, to: args.to, subject: t('mail.invitation.subject'), text, html };
}

export function passwordResetMail(args: { lang: Language; to: string; name: string; link: string; minutes: number }): OutgoingMail {
  const t = translator(args.lang);
  const { text, html } = layout(args.lang, {
    greeting: t('mail.greeting', { name: args.name }),
    body: t('mail.passwordReset.body', { minutes: args.minutes }),
    action: t('mail.passwordReset.action'),
    link: args.link,
  });
  return { template: 'password_reset', language: args.lang, to: args.to, subject: t('mail.passwordReset.subject'), text, html };
}
