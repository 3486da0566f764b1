import type { z } from 'zod';
import { encodeProblem, problemOf } from './problems';
import { CreateOrganizationInput, UpdateOrganizationInput } from './organization';
import { CreatePersonInput, PersonFilter } from './person';
import { normalizePostalCode, PostalCode, postalCodeMatchesProvince } from './records';

// Each issue as "path: code" (plus its parameters): what the API and the forms show.
const issuesOf = (result: { success: boolean; error?: { issues: z.core.$ZodIssue[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${encodeProblem(problemOf(issue))}`);

describe('postal codes', () => {
  it('normalises to upper case with one space', () => {
    expect(normalizePostalCode('k1a0b1')).toBe('K1A 0B1');
    expect(normalizePostalCode(' h2x 1y4 ')).toBe('H2X 1Y4');
  });

  it.each(['T2P-1J9', 't2p1j9', 'T2P 1J9', 't2p - 1j9', 'T2P  1J9'])('writes %s as T2P 1J9 (hyphen, no space, lower case)', (input) => {
    expect(normalizePostalCode(input)).toBe('T2P 1J9');
    expect(PostalCode.parse(input)).toBe('T2P 1J9');
  });

  it.each(['K1A 0B', 'D1A 0B1', 'W1A 0B1', 'K1A_0B1', 'K1A.0B1', '12345'])('refuses %s', (input) => {
    expect(normalizePostalCode(input)).toBeNull();
  });

  it('knows which province a postal code belongs to', () => {
    expect(postalCodeMatchesProvince('K1A 0B1', 'ON')).toBe(true);
    expect(postalCodeMatchesProvince('H2X 1Y4', 'QC')).toBe(true);
    expect(postalCodeMatchesProvince('H2X 1Y4', 'ON')).toBe(false);
    expect(postalCodeMatchesProvince('X0A 0H0', 'NU')).toBe(true);
  });
});

describe('CreateOrganizationInput', () => {
  const valid = { nameEn: 'Refugee Centre', kind: 'settlement_agency', provinceCode: 'ON' };

  it('fills defaults and normalises contact details', () => {
    const result = CreateOrganizationInput.parse({
      ...valid,
      postalCode: 'k1a0b1',
      phone: '613 555 0199',
      email: ' Info@Example.ORG ',
      website: 'example.org',
      tags: ['youth', 'youth'],
    });
    expect(result).toMatchObject({
      membership: 'ally',
      postalCode: 'K1A 0B1',
      phone: '+16135550199',
      email: 'info@example.org',
      website: 'https://example.org',
      tags: ['youth'],
    });
  });

  it('names each invalid field', () => {
    const result = CreateOrganizationInput.safeParse({
      ...valid,
      provinceCode: 'ZZ',
      email: 'not-an-email',
      phone: '123',
      website: 'not a site',
      tags: ['Not A Tag'],
      nameEn: 'x'.repeat(201),
    });
    const paths = issuesOf(result).map((issue) => issue.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['provinceCode', 'email', 'phone', 'website', 'tags.0', 'nameEn']));
  });

  it('refuses a postal code of another province', () => {
    expect(issuesOf(CreateOrganizationInput.safeParse({ ...valid, postalCode: 'H2X 1Y4' }))).toEqual(['postalCode: postalCodeProvince|{"province":"ON"}']);
  });

  it('refuses more than 20 tags and tags over 30 characters', () => {
    const many = Array.from({ length: 21 }, (_, i) => `tag-${i}`);
    expect(issuesOf(CreateOrganizationInput.safeParse({ ...valid, tags: many }))).toEqual(['tags: tooMany|{"max":20}']);
    expect(issuesOf(CreateOrganizationInput.safeParse({ ...valid, tags: ['a'.repeat(31)] }))[0]).toBe('tags.0: tooLong|{"max":30}');
  });

  it('lets an update clear optional fields with null or an empty string', () => {
    const result = UpdateOrganizationInput.parse({ id: '00000000-0000-4000-8000-000000000000', version: 1, city: '', postalCode: null });
    expect(result).toEqual({ id: '00000000-0000-4000-8000-000000000000', version: 1, city: null, postalCode: null });
  });
});

describe('CreatePersonInput', () => {
  it('refuses the same organization twice and bad e-mails, naming the entries', () => {
    const org = '00000000-0000-4000-8000-000000000001';
    const result = CreatePersonInput.safeParse({
      firstName: 'Amina',
      provinceCode: 'ON',
      emails: ['ok@example.org', 'nope'],
      affiliations: [{ organizationId: org }, { organizationId: org }],
    });
    expect(issuesOf(result)).toEqual(['emails.1: email', 'affiliations.1.organizationId: listedTwice']);
  });

  it('deduplicates e-mails after lower-casing', () => {
    expect(CreatePersonInput.parse({ firstName: 'A', provinceCode: 'QC', emails: ['A@x.ca', 'a@x.ca'] }).emails).toEqual(['a@x.ca']);
  });

  it('lists default to active records, by name', () => {
    expect(PersonFilter.parse({})).toEqual({ archived: false, sort: 'NAME' });
  });
});
