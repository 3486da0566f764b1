import { defineMailTemplate } from '@crm/mail';

// Toolkit notices (EN/FR, the shared layout): what the requester and the deliverer receive.

type Line = { quantity: number; title: string; link?: string };

const lines = (t: Parameters<Parameters<typeof defineMailTemplate>[1]>[0], items: Line[]) =>
  items.map((item) => ({
    text: item.link ? t('mail.toolkit.download', { title: item.title }) : t('mail.toolkit.line', { quantity: item.quantity, title: item.title }),
    ...(item.link ? { link: item.link } : {}),
  }));

export const toolkitConfirmationMail = defineMailTemplate<{ name: string | null; reference: string; items: Line[] }>('toolkit_confirmation', (t, p) => ({
  subject: t('mail.toolkit.confirmation.subject', { reference: p.reference }),
  ...(p.name ? { greeting: t('mail.greeting', { name: p.name }) } : {}),
  paragraphs: [t('mail.toolkit.confirmation.body', { reference: p.reference })],
  items: lines(t, p.items),
  unexpectedNotice: true,
}));

export const toolkitAssignedMail = defineMailTemplate<{ reference: string; city: string; province: string; items: Line[]; link: string }>(
  'toolkit_assigned',
  (t, p) => ({
    subject: t('mail.toolkit.assigned.subject', { reference: p.reference }),
    paragraphs: [t('mail.toolkit.assigned.body', { reference: p.reference, city: p.city, province: p.province })],
    items: lines(t, p.items),
    action: { label: t('mail.toolkit.assigned.action'), link: p.link },
  }),
);

export const toolkitShippedMail = defineMailTemplate<{ name: string | null; reference: string; items: Line[] }>('toolkit_shipped', (t, p) => ({
  subject: t('mail.toolkit.shipped.subject', { reference: p.reference }),
  ...(p.name ? { greeting: t('mail.greeting', { name: p.name }) } : {}),
  paragraphs: [t('mail.toolkit.shipped.body')],
  items: lines(t, p.items),
}));
