import { en } from './en';
import { fr } from './fr';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The only French messages allowed to read exactly as the English ones: words both
// languages write the same way, language endonyms, symbols. Anything else equal is an
// English string left in the French app.
const sameInBothLanguages = new Set([
  'outreach.notes',
  'outreach.column.date',
  'person.outreach',
  'campaigns.goal.national',
  'nav.admin',
  'language.en',
  'language.fr',
  'language.en.short',
  'language.fr.short',
  'audit.filter.action',
  'audit.column.action',
  'mailbox.date',
  'records.filter.province',
  'records.notes',
  'people.column.province',
  'person.affiliations',
  'person.none',
  'mail.toolkit.line',
  'stories.filter.kind',
  'stories.column.kind',
  'stories.column.province',
  'pledges.column.province',
  'story.kind.innovation',
  'story.kind',
  'records.listMore',
  // Landed by other branches the same day: names and words French writes alike.
  'account.timeZone.canada',
  'toolkit.request.note',
  'toolkit.form.note',
  'publicToolkit.province.AB',
  'publicToolkit.province.MB',
  'publicToolkit.province.NU',
  'publicToolkit.province.ON',
  'publicToolkit.province.SK',
  'publicToolkit.province.YT',
  'event.kind.forum',
  'event.provinceCode',
  'event.capacity',
  'event.section.description',
  'calendar.agenda',
  'calendar.date',
  'audit.field.provinceCode',
  'audit.field.affiliations',
  'audit.field.notes',
  'event.mail.kind.invitation',
  'event.mail.kind.confirmation',
]);

describe('message catalogues', () => {
  it('French never repeats the English text, except words both languages write alike', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((key) => fr[key] === en[key] && !sameInBothLanguages.has(key));
    expect(same).toEqual([]);
  });

  it('one product name per language: the French catalogue never says "Coalition CRM"', () => {
    expect(Object.entries(fr).filter(([, message]) => message.includes('Coalition CRM'))).toEqual([]);
    expect(Object.entries(en).filter(([, message]) => message.includes('CRM de la coalition'))).toEqual([]);
  });

  it('French puts a no-break space before : ; ? ! (French typography)', () => {
    // A colon after a space-less letter is a URL or a time (https:, 17:00) only in English text.
    const bad = Object.entries(fr).filter(([, message]) => /[^\s\u00a0\u202f/\d{][;:?!](?=\s|$)/u.test(message));
    expect(bad).toEqual([]);
  });

  it('French has exactly the English keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every French message uses the same placeholders as the English one', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(fr[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('has no empty message', () => {
    for (const message of [...Object.values(en), ...Object.values(fr)]) {
      expect(message.trim()).not.toBe('');
    }
  });

  it('French uses typographic apostrophes and spaced guillemets', () => {
    for (const message of Object.values(fr)) {
      expect(message).not.toContain("'");
      expect(message).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
    }
  });
});
