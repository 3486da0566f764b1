import { guessMapping, recognisesAnyHeader } from '@crm/records';
import { peopleExportList, personImportFields } from './person.transfer';

describe('people: import fields guessed from column names', () => {
  it("maps a CiviCRM contact export's columns", () => {
    const headers = [
      'Contact ID',
      'Contact Type',
      'First Name',
      'Last Name',
      'Email',
      'Phone',
      'Organization Name',
      'Job Title',
      'Street Address',
      'City',
      'State/Province',
      'Postal Code',
      'Country',
      'Tags',
    ];
    expect(guessMapping(personImportFields, headers)).toEqual([
      null,
      'contactType',
      'firstName',
      'lastName',
      'emails',
      'phones',
      'organizationName',
      'jobTitle',
      null,
      'city',
      'provinceCode',
      null,
      null,
      'tags',
    ]);
  });

  it('maps French headers, without case or accents', () => {
    expect(
      guessMapping(personImportFields, ['PRÉNOM', 'nom de famille', 'Courriel', 'Téléphone', 'Etat/Province', 'Ville', 'Langue préférée', 'Étiquettes']),
    ).toEqual(['firstName', 'lastName', 'emails', 'phones', 'provinceCode', 'city', 'preferredLanguage', 'tags']);
  });

  it('gives several columns to multi-valued fields and one column to the others', () => {
    expect(guessMapping(personImportFields, ['Email', 'Email 2', 'Phone (Home)', 'Mobile', 'City', 'Town'])).toEqual([
      'emails',
      'emails',
      'phones',
      'phones',
      'city',
      null,
    ]);
  });

  it('maps back its own export headers, in English and French', () => {
    const notImported = new Set(['id', 'organizations', 'engagementStage', 'createdAt', 'updatedAt']);
    for (const lang of ['en', 'fr'] as const) {
      const headers = peopleExportList.columns.map((c) => c[lang]);
      const guessed = guessMapping(personImportFields, headers);
      const expected = peopleExportList.columns.map((c) => (notImported.has(c.key) ? null : c.key));
      expect({ lang, guessed }).toEqual({ lang, guessed: expected });
    }
  });

  it('recognises a file by at least one known column', () => {
    expect(recognisesAnyHeader(personImportFields, ['Foo', 'Bar'])).toBe(false);
    expect(recognisesAnyHeader(personImportFields, ['Foo', 'E-mail'])).toBe(true);
  });
});
