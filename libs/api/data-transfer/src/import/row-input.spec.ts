import { OrganizationBulkRepository } from '@crm/organizations';
import { PersonBulkRepository, PersonImportTarget } from '@crm/people';
import { readDate, TransferRegistry, unescapeCell, type ImportVocabulary } from '@crm/records';
import { prepareRow as prepare, provinceReader, tagReader, type ColumnField } from './row-input';

// People's target as the example (the engine reads any registered target the same way).
const people = new PersonImportTarget(new PersonBulkRepository(), new OrganizationBulkRepository(), new TransferRegistry());
const vocabulary: ImportVocabulary = {
  province: provinceReader([
    { code: 'ON', nameEn: 'Ontario', nameFr: 'Ontario' },
    { code: 'QC', nameEn: 'Quebec', nameFr: 'Québec' },
  ]),
  tag: tagReader([{ slug: 'world-refugee-day', labelEn: 'World Refugee Day', labelFr: 'Journée mondiale des réfugiés' }]),
};
const lookups = {
  owners: new Map([['olivia@example.org', '00000000-0000-4000-8000-000000000001']]),
  organizations: new Map([
    ['OCIS', ['00000000-0000-4000-8000-0000000000aa']],
    ['Twice', ['00000000-0000-4000-8000-0000000000bb', '00000000-0000-4000-8000-0000000000cc']],
  ]),
};

const headers = ['First', 'Last', 'Email', 'Email 2', 'Phone', 'Prov', 'Tags', 'Lang', 'Do Not Email', 'Org', 'Title', 'Owner'];
const fields = [
  'firstName',
  'lastName',
  'emails',
  'emails',
  'phones',
  'provinceCode',
  'tags',
  'preferredLanguage',
  'doNotEmail',
  'organizationName',
  'jobTitle',
  'ownerEmail',
];
const mapping: ColumnField[] = fields.map((field, column) => ({ column, field }));
const prepareRow = (_kind: 'people', cells: string[], h: string[], m: ColumnField[], l: typeof lookups) => prepare(people, cells, h, m, l, vocabulary);

describe('prepareRow (people)', () => {
  it('reads a row into the create schema, with what the file provided', () => {
    const cells = [
      ' Amina ',
      'Haddad',
      'AMINA@example.org; a2@example.org',
      'a3@example.org',
      '(613) 555-0199 x12',
      'Québec',
      'journee mondiale des refugies',
      'fr_CA',
      '1',
      'OCIS',
      'Director',
      'Olivia@example.org',
    ];
    const prepared = prepareRow('people', cells, headers, mapping, lookups);
    expect(prepared).toEqual({
      ok: true,
      warnings: [],
      input: {
        values: expect.objectContaining({
          firstName: 'Amina',
          lastName: 'Haddad',
          emails: ['amina@example.org', 'a2@example.org', 'a3@example.org'],
          phones: ['+16135550199;ext=12'],
          provinceCode: 'QC',
          tags: ['world-refugee-day'],
          preferredLanguage: 'fr',
          consentEmail: false,
          ownerId: '00000000-0000-4000-8000-000000000001',
          affiliations: [{ organizationId: '00000000-0000-4000-8000-0000000000aa', title: 'Director' }],
        }),
        provided: ['firstName', 'lastName', 'preferredLanguage', 'emails', 'phones', 'provinceCode', 'ownerId', 'consentEmail', 'tags', 'affiliations'],
      },
    });
  });

  it('names each invalid field with its column', () => {
    const cells = ['', 'X', 'not-an-email', '', '123', 'Ontaria', 'Gala', 'Klingon', 'maybe', 'Twice', '', 'nobody@example.org', 'extra'];
    const prepared = prepareRow('people', cells, headers, mapping, lookups);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.problems.map((p) => `${p.column}: ${p.message}`)).toEqual([
      'null: has 13 cells but the file has 12 columns (a separator inside an unquoted cell?)',
      'Lang: must be English or French (en, fr)',
      'Prov: “Ontaria” is not a Canadian province or territory (ON, Ontario, Québec…)',
      'Owner: “nobody@example.org” is not the e-mail of a staff or coordinator account you can make owner',
      'Do Not Email: must be yes or no',
      'Org: several organizations are named “Twice”: merge them first, or leave this column out',
      'First: This field is required.',
      'Email / Email 2: “not-an-email”: Enter a valid e-mail address.',
      expect.stringMatching(/^Phone: “123”: Enter a phone number/),
    ]);
  });
});

describe('prepareRow: what a file holds is never a reason to lose a good row', () => {
  const base = ['Amina', 'Haddad', 'amina@example.org', '', '', 'ON', '', '', '', '', '', ''];

  it('leaves tags that are not in the vocabulary out, with a warning that has a code; the known ones stay', () => {
    const cells = [...base];
    cells[6] = 'World Refugee Day; Gala; Board';
    const prepared = prepareRow('people', cells, headers, mapping, lookups);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.input.values.tags).toEqual(['world-refugee-day']);
    expect(prepared.warnings).toEqual([
      expect.objectContaining({ field: 'tags', column: 'Tags', code: 'tagsLeftOut', params: { tags: '“Gala”, “Board”', count: 2 }, warning: true }),
    ]);
  });

  it('undoes an export’s formula escaping, so a phone or a name imports as it was exported', () => {
    expect(unescapeCell("'+16135550199")).toBe('+16135550199');
    expect(unescapeCell("'=Smith")).toBe('=Smith');
    expect(unescapeCell("'-")).toBe('-');
    expect(unescapeCell("O'Brien")).toBe("O'Brien");
    expect(unescapeCell("'quoted'")).toBe("'quoted'");
    const cells = [...base];
    cells[4] = "'+16135550199; '+1 819 555 0162";
    const prepared = prepareRow('people', cells, headers, mapping, lookups);
    expect(prepared.ok && prepared.input.values.phones).toEqual(['+16135550199', '+18195550162']);
  });

  it('refuses a control character (a NUL read as SUB) in a name with the problem’s code and the column named', () => {
    const cells = [...base];
    cells[0] = 'An\u001aa';
    const prepared = prepareRow('people', cells, headers, mapping, lookups);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.problems).toEqual([expect.objectContaining({ field: 'firstName', column: 'First', code: 'controlCharacters' })]);
  });
});

describe('readDate', () => {
  it.each([
    ['2024-06-20', '2024-06-20'],
    ['2024/6/2', '2024-06-02'],
    ['2024-06-20T10:00:00Z', '2024-06-20'],
    ['2024-02-30', null],
    ['20/06/2024', null],
  ])('%s → %s', (text, expected) => {
    expect(readDate(text)).toBe(expected);
  });
});
