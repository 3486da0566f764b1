import { addressBudget } from './sign-in-throttle';

describe('addressBudget', () => {
  it('keeps an IPv4 address, however it is written', () => {
    expect(addressBudget('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBudget('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressBudget('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('gives an IPv6 network (/64) one budget, so rotating its last 64 bits gains nothing', () => {
    const budgets = ['2001:db8:1:2::1', '2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:9', '2001:db8:1:2::1%eth0'].map(addressBudget);
    expect(new Set(budgets)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(addressBudget('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressBudget('::1')).toBe('0:0:0:0::/64');
    expect(addressBudget('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(addressBudget('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps anything else short', () => {
    expect(addressBudget('unknown')).toBe('unknown');
    expect(addressBudget('x'.repeat(500))).toHaveLength(64);
  });
});
