import { translator, type Language, type Translate } from '@crm/i18n';

/** What one e-mail says, before the layout: the same parts in every template. */
export interface MailContent {
  subject: string;
  /** "Hello Amina," (omitted for a message to a team address). */
  greeting?: string;
  paragraphs: string[];
  /** Lines of a list (a digest's follow-ups, a request's items), each with an optional link. */
  items?: { text: string; link?: string }[];
  /** The one thing to do, as a button (HTML) and a line with the address (text). */
  action?: { label: string; link: string };
  /** "If you did not expect this message…": for mail a stranger could trigger. */
  unexpectedNotice?: boolean;
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

// Colours checked for contrast (WCAG AA): white on #1864ab, grey #495057 on white.
const button = 'display:inline-block;padding:10px 16px;background:#1864ab;color:#fff;border-radius:6px;text-decoration:none';
const muted = 'color:#495057;font-size:13px';

/**
 * The one layout of every e-mail, in English or French: the product's name as the
 * screens say it, the greeting, the paragraphs, an optional list and action, the
 * signature. A plain-text part says the same as the HTML part (French typography
 * from the catalogue, e.g. the space before a colon).
 */
export function renderMail(lang: Language, content: MailContent): { text: string; html: string } {
  const t: Translate = translator(lang);
  const text: string[] = [];
  const html: string[] = [];
  if (content.greeting) {
    text.push(content.greeting);
    html.push(`<p>${escapeHtml(content.greeting)}</p>`);
  }
  for (const paragraph of content.paragraphs) {
    text.push(paragraph);
    html.push(`<p>${escapeHtml(paragraph)}</p>`);
  }
  if (content.items?.length) {
    text.push(content.items.map((item) => `- ${item.link ? t('mail.actionLine', { action: item.text, link: item.link }) : item.text}`).join('\n'));
    const lines = content.items.map((item) =>
      item.link ? `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a></li>` : `<li>${escapeHtml(item.text)}</li>`,
    );
    html.push(`<ul>${lines.join('')}</ul>`);
  }
  if (content.action) {
    text.push(t('mail.actionLine', { action: content.action.label, link: content.action.link }));
    html.push(`<p><a href="${escapeHtml(content.action.link)}" style="${button}">${escapeHtml(content.action.label)}</a></p>`);
    html.push(`<p style="${muted}">${escapeHtml(content.action.link)}</p>`);
  }
  if (content.unexpectedNotice) {
    text.push(t('mail.ignore'));
    html.push(`<p style="${muted}">${escapeHtml(t('mail.ignore'))}</p>`);
  }
  const signature = `— ${t('mail.signature', { product: t('app.name') })}`;
  text.push(signature);
  html.push(`<p>${escapeHtml(signature)}</p>`);
  return {
    text: `${text.join('\n\n')}\n`,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">
${html.join('\n')}
</body></html>`,
  };
}
