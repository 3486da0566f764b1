import { MoveToolkitRequestForm, MoveToolkitRequestInput, PublicToolkitRequestForm, PublicToolkitRequestInput } from './toolkit';

const item = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const publicForm = {
  name: 'Amina Diallo',
  email: 'amina@example.org',
  language: 'fr',
  addressLine: '12 rue Principale',
  city: 'Gatineau',
  provinceCode: 'QC',
  postalCode: 'j8x 1a1',
  csrf: 'token',
};

describe('toolkit forms: the API input, read from a form', () => {
  it('keeps the lines above 0, formats the postal code and drops the CSRF token', () => {
    const parsed = PublicToolkitRequestForm.parse({
      ...publicForm,
      items: [
        { itemId: item(1), quantity: '10' },
        { itemId: item(2), quantity: '' },
        { itemId: item(3), quantity: '0' },
      ],
    });
    expect(parsed.items).toEqual([{ itemId: item(1), quantity: 10 }]);
    expect(parsed.postalCode).toBe('J8X 1A1');
    expect('csrf' in parsed).toBe(false);
    // What the form gives is what the API takes.
    expect(PublicToolkitRequestInput.safeParse(parsed).success).toBe(true);
  });

  it('says "ask for at least one item" on the list when every quantity is 0, and keeps each line’s error on its row', () => {
    const none = PublicToolkitRequestForm.safeParse({ ...publicForm, items: [{ itemId: item(1), quantity: '' }] });
    expect(none.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['items'], 'toolkitNoItems']]);
    const tooMany = PublicToolkitRequestForm.safeParse({
      ...publicForm,
      items: [
        { itemId: item(1), quantity: '1' },
        { itemId: item(2), quantity: '5000' },
      ],
    });
    expect(tooMany.error?.issues.map((issue) => issue.path)).toEqual([['items', 1, 'quantity']]);
  });

  it('refuses a postal code of another province, and the honeypot filled', () => {
    const issues = PublicToolkitRequestForm.safeParse({
      ...publicForm,
      postalCode: 'K1A 0B1',
      website: 'spam',
      items: [{ itemId: item(1), quantity: '1' }],
    }).error?.issues.map((issue) => issue.message);
    expect(issues).toEqual(['postalCodeProvince', 'honeypot']);
  });

  it('reads a step form as the API input, without its CSRF token; the API input itself stays strict', () => {
    const form = { id: item(1), version: 2, step: 'decline', reason: 'Out of print', csrf: 'token' };
    expect(MoveToolkitRequestForm.parse(form)).toEqual({ id: item(1), version: 2, step: 'decline', reason: 'Out of print' });
    expect(MoveToolkitRequestInput.safeParse(form).success).toBe(false);
    expect(MoveToolkitRequestForm.safeParse({ ...form, reason: undefined }).error?.issues[0].path).toEqual(['reason']);
  });
});
