import { en, fr, type MessageKey } from '@crm/i18n';
import { z } from 'zod';
import { Email, Id, PageArgs } from './common';
import { CreateOrganizationInput } from './organization';
import { CreatePersonInput, PersonFilter } from './person';
import { decodeProblem, encodeProblem, problemCodes, problemOf, type Problem } from './problems';

const problemsOf = (schema: z.ZodType, value: unknown): [string, Problem][] =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => [issue.path.join('.'), problemOf(issue)]);

describe('problems: every rule a stable code with its parameters', () => {
  it.each<[string, z.ZodType, unknown, [string, Problem][]]>([
    ['a missing field', CreatePersonInput, { provinceCode: 'ON' }, [['firstName', { code: 'required' }]]],
    ['an empty required text', CreatePersonInput, { firstName: '   ', provinceCode: 'ON' }, [['firstName', { code: 'required' }]]],
    // One limit, one message (a first name once got "at most 200" and "at most 100").
    [
      'a first name over its limit',
      CreatePersonInput,
      { firstName: 'a'.repeat(101), provinceCode: 'ON' },
      [['firstName', { code: 'tooLong', params: { max: 100 } }]],
    ],
    [
      'too many tags',
      CreatePersonInput,
      { firstName: 'A', provinceCode: 'ON', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      [['tags', { code: 'tooMany', params: { max: 20 } }]],
    ],
    ['a bad e-mail', Email, 'not-an-email', [['', { code: 'email' }]]],
    ['a bad phone', CreatePersonInput, { firstName: 'A', provinceCode: 'ON', phones: ['12'] }, [['phones.0', { code: 'phone' }]]],
    ['an unknown province', CreatePersonInput, { firstName: 'A', provinceCode: 'XX' }, [['provinceCode', { code: 'province' }]]],
    [
      "another province's postal code",
      CreateOrganizationInput,
      { nameEn: 'A', kind: 'other', provinceCode: 'ON', postalCode: 'H2X 1Y4' },
      [['postalCode', { code: 'postalCodeProvince', params: { province: 'ON' } }]],
    ],
    ['a page too large', PageArgs, { first: 500 }, [['first', { code: 'tooLarge', params: { max: 200 } }]]],
    ['a wrong type', PageArgs, { first: 'ten' }, [['first', { code: 'invalid' }]]],
  ])('%s', (_what, schema, value, expected) => {
    expect(problemsOf(schema, value)).toEqual(expected);
  });

  it.each(['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', 'a\nb'])('refuses the control character %j in a one-line field', (control) => {
    expect(problemsOf(CreatePersonInput, { firstName: `An${control}a`, provinceCode: 'ON' })).toEqual([['firstName', { code: 'controlCharacters' }]]);
    expect(problemsOf(PersonFilter, { search: `x${control}y` })).toEqual([['search', { code: 'controlCharacters' }]]);
  });

  it('keeps line breaks and tabs in notes, and refuses NUL and BEL there', () => {
    expect(problemsOf(CreatePersonInput, { firstName: 'A', provinceCode: 'ON', notes: 'Line one\n\tLine two\r\n' })).toEqual([]);
    expect(problemsOf(CreatePersonInput, { firstName: 'A', provinceCode: 'ON', notes: 'a\u0000b' })).toEqual([['notes', { code: 'controlCharacters' }]]);
    expect(problemsOf(CreatePersonInput, { firstName: 'A', provinceCode: 'ON', notes: 'a\u0007b' })).toEqual([['notes', { code: 'controlCharacters' }]]);
  });

  it('accepts any id PostgreSQL stores as uuid, whatever its version and variant bits', () => {
    // md5(…)::uuid (the demo seed), version 0 and 7 ids, upper case: all ids.
    for (const id of [
      '1538c7e0-4a52-2c1b-dd0f-3e4b5a6c7d8e',
      '00000000-0000-0000-0000-000000000000',
      '018f3c1e-7b2a-7c3d-8e4f-5a6b7c8d9e0f',
      'ABCDEF01-2345-6789-ABCD-EF0123456789',
    ]) {
      expect(Id.safeParse(id).success).toBe(true);
    }
    for (const id of ['not-an-id', '1538c7e04a522c1bdd0f3e4b5a6c7d8e', '1538c7e0-4a52-2c1b-dd0f-3e4b5a6c7d8', "1538c7e0-4a52-2c1b-dd0f-3e4b5a6c7d8e'"]) {
      expect(problemsOf(Id, id)).toEqual([['', { code: 'id' }]]);
    }
  });

  it('travels through a form as one string and back', () => {
    const problem: Problem = { code: 'tooLong', params: { max: 100 } };
    expect(decodeProblem(encodeProblem(problem))).toEqual(problem);
    expect(decodeProblem(encodeProblem({ code: 'required' }))).toEqual({ code: 'required' });
    // Never an English sentence on a screen: anything else reads as "invalid".
    expect(decodeProblem('must be at most 30 characters')).toEqual({ code: 'invalid' });
  });

  it('has no duplicate codes', () => {
    expect(new Set(problemCodes).size).toBe(problemCodes.length);
  });
});

describe('problems: every code says itself in English and French', () => {
  // The catalogues are the only place a problem becomes a sentence (staff app, API messages).
  it.each(problemCodes)('%s', (code) => {
    const key = `problem.${code}` as MessageKey;
    expect(en[key]).toEqual(expect.any(String));
    expect(fr[key]).toEqual(expect.any(String));
    // The same parameters in both languages.
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(fr[key])).toEqual(names(en[key]));
  });
});
