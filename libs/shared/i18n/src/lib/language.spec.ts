import { isLanguage, negotiateLanguage } from './language';
import { localized, localizedName } from './localized';
import { formatDate } from './format-date';

describe('isLanguage', () => {
  it('accepts only the supported languages', () => {
    expect(['en', 'fr', 'EN', 'de', '', undefined, 1].map(isLanguage)).toEqual([true, true, false, false, false, false, false]);
  });
});

describe('negotiateLanguage', () => {
  it('picks the first supported language by preference', () => {
    expect(negotiateLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(negotiateLanguage('de-DE,de;q=0.9,en-US;q=0.7,fr;q=0.8')).toBe('fr');
    expect(negotiateLanguage('en-CA, fr-CA')).toBe('en');
  });

  it('ignores languages refused with q=0', () => {
    expect(negotiateLanguage('fr;q=0, en;q=0.1')).toBe('en');
  });

  it('returns undefined when nothing supported is asked for', () => {
    expect(negotiateLanguage('de, es;q=0.5')).toBeUndefined();
    expect(negotiateLanguage('')).toBeUndefined();
    expect(negotiateLanguage(null)).toBeUndefined();
  });
});

describe('localized', () => {
  const ask = { titleEn: 'Resettle 20,000', titleFr: 'Réinstaller 20 000' };

  it('picks the field in the requested language', () => {
    expect(localized('fr', ask, 'title')).toBe('Réinstaller 20 000');
    expect(localized('en', ask, 'title')).toBe('Resettle 20,000');
    expect(localizedName('fr', { nameEn: 'Ontario', nameFr: 'Ontario (fr)' })).toBe('Ontario (fr)');
  });
});

describe('formatDate', () => {
  it('writes a calendar date the way each language does', () => {
    expect(formatDate('en', '2025-06-20')).toBe('June 20, 2025');
    expect(formatDate('fr', '2025-04-04')).toBe('4 avril 2025');
  });

  it('returns anything that is not a date unchanged', () => {
    expect(formatDate('en', 'soon')).toBe('soon');
  });
});
