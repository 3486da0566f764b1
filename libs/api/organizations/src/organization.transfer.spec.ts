import { guessMapping } from '@crm/records';
import { organizationImportFields, organizationsExportList } from './organization.transfer';

describe('organizations: import fields guessed from column names', () => {
  it('maps French headers, without case or accents', () => {
    expect(guessMapping(organizationImportFields, ['Nom', 'Code postal', 'Site web', 'Courriel'])).toEqual(['nameEn', 'postalCode', 'website', 'email']);
  });

  it('gives one column to a single-valued field', () => {
    expect(guessMapping(organizationImportFields, ['Email', 'Email 2'])).toEqual(['email', null]);
  });

  it('maps back its own export headers, in English and French', () => {
    const notImported = new Set(['id', 'createdAt', 'updatedAt']);
    for (const lang of ['en', 'fr'] as const) {
      const headers = organizationsExportList.columns.map((c) => c[lang]);
      const guessed = guessMapping(organizationImportFields, headers);
      const expected = organizationsExportList.columns.map((c) => (notImported.has(c.key) ? null : c.key));
      expect({ lang, guessed }).toEqual({ lang, guessed: expected });
    }
  });
});
