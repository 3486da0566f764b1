import { formatPhone, normalizePhone, phoneHref } from './phone';

describe('phone numbers', () => {
  it.each([
    ['613-555-0199', '+16135550199'],
    ['(613) 555 0199', '+16135550199'],
    ['1 613 555 0199', '+16135550199'],
    ['613.555.0199 ext. 12', '+16135550199;ext=12'],
    ['514 555 0100 poste 3', '+15145550100;ext=3'],
    ['+1 (416) 555-0123', '+14165550123'],
    ['+44 20 7183 8750', '+442071838750'],
    ['+33 1 42 68 53 00', '+33142685300'],
    ['+16135550199;ext=12', '+16135550199;ext=12'],
  ])('stores %s as %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['555-0199', '013-555-0199', '613-055-0199', 'call me', '+0 123 456 789', '+1 013 555 0199', '12345678901234567', '613-555-0199 <b>'])(
    'refuses %s',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it('shows Canadian numbers in national format and others in international format', () => {
    expect(formatPhone('+19055550199')).toBe('(905) 555-0199');
    expect(formatPhone('+16135550199;ext=12')).toBe('(613) 555-0199 ext. 12');
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750');
    expect(formatPhone('not a number')).toBe('not a number');
  });

  it('links a number with tel:, keeping its extension', () => {
    expect(phoneHref('+19055550199')).toBe('tel:+19055550199');
    expect(phoneHref('+16135550199;ext=12')).toBe('tel:+16135550199;ext=12');
  });
});
