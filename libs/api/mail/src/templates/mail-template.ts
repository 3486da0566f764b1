import { translator, type Language, type Translate } from '@crm/i18n';
import type { OutgoingMail } from '../mail.service';
import { renderMail, type MailContent } from './mail-layout';

/**
 * One kind of e-mail: its name (stored with each message) and what it says, from the
 * recipient's language and the template's parameters. Any domain defines its own
 * (invitations in identity, digests in outreach, toolkit notices in toolkit); the
 * layout and the catalogues are shared.
 */
export interface MailTemplate<P> {
  name: string;
  compose(t: Translate, params: P): MailContent;
}

export function defineMailTemplate<P>(name: string, compose: (t: Translate, params: P) => MailContent): MailTemplate<P> {
  return { name, compose };
}

/** The message, ready to queue (MailService.queue), in the recipient's language. */
export function composeMail<P>(template: MailTemplate<P>, to: { address: string; language: Language }, params: P): OutgoingMail {
  const content = template.compose(translator(to.language), params);
  const { text, html } = renderMail(to.language, content);
  return { template: template.name, language: to.language, to: to.address, subject: content.subject, text, html };
}
