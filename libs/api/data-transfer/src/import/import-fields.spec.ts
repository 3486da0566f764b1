import { guessMapping, recognisesAnyHeader } from './import-fields';

describe('guessMapping', () => {
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
    expect(guessMapping('people', headers)).toEqual([
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
    expect(guessMapping('people', ['PRÉNOM', 'nom de famille', 'Courriel', 'Téléphone', 'Etat/Province', 'Ville', 'Langue préférée', 'Étiquettes'])).toEqual([
      'firstName',
      'lastName',
      'emails',
      'phones',
      'provinceCode',
      'city',
      'preferredLanguage',
      'tags',
    ]);
    expect(guessMapping('organizations', ['Nom', 'Code postal', 'Site web', 'Courriel'])).toEqual(['nameEn', 'postalCode', 'website', 'email']);
  });

  it('gives several columns to multi-valued fields and one column to the others', () => {
    expect(guessMapping('people', ['Email', 'Email 2', 'Phone (Home)', 'Mobile', 'City', 'Town'])).toEqual([
      'emails',
      'emails',
      'phones',
      'phones',
      'city',
      null,
    ]);
    expect(guessMapping('organizations', ['Email', 'Email 2'])).toEqual(['email', null]);
  });

  it('maps back the headers of its own exports', () => {
    expect(
      guessMapping('people', [
        'ID',
        'First name',
        'Last name',
        'Preferred language',
        'E-mails',
        'Phones',
        'Organizations (title)',
        'Leader category',
        'Province',
        'City',
        'Owner e-mail',
      ]),
    ).toEqual([null, 'firstName', 'lastName', 'preferredLanguage', 'emails', 'phones', null, 'leaderCategory', 'provinceCode', 'city', 'ownerEmail']);
  });

  it('recognises a file by at least one known column', () => {
    expect(recognisesAnyHeader('people', ['Foo', 'Bar'])).toBe(false);
    expect(recognisesAnyHeader('people', ['Foo', 'E-mail'])).toBe(true);
  });
});
