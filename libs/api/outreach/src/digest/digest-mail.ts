import { defineMailTemplate } from '@crm/mail';

export interface DigestMailParams {
  name: string;
  /** The recipient's date, already formatted in their language. */
  dateText: string;
  count: number;
  sections: { heading: string; lines: { text: string; link: string }[] }[];
  link: string;
}

/** The daily digest: one list per section (follow-ups, later pledges…), each line a link into the staff app. */
export const dailyDigestMail = defineMailTemplate<DigestMailParams>('daily_digest', (t, p) => ({
  subject: t('digest.subject', { date: p.dateText, count: p.count }),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('digest.intro', { count: p.count })],
  items: p.sections.flatMap((section) => [{ text: section.heading }, ...section.lines]),
  action: { label: t('digest.open'), link: p.link },
}));
