import { ConfigError, parseConfig } from './load-config';

describe('parseConfig', () => {
  it('applies defaults when only the database is given', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crm' });
    expect(config.API_PORT).toBe(4000);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.NODE_ENV).toBe('development');
  });

  it('reports one line per problem, naming each setting', () => {
    try {
      parseConfig({ DATABASE_URL: 'mysql://x', API_PORT: '99999', REDIS_URL: 'http://nope', NODE_ENV: 'staging' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['API_PORT', 'DATABASE_URL', 'NODE_ENV', 'REDIS_URL']);
    }
  });

  it('says DATABASE_URL is required when it is missing', () => {
    expect(() => parseConfig({})).toThrow(/DATABASE_URL: is required/);
  });

  it('takes DATABASE_MIGRATION_URL as optional, and only as a postgres:// URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://crm_app@db/crm' }).DATABASE_MIGRATION_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: 'postgres://crm_app@db/crm', DATABASE_MIGRATION_URL: 'postgres://crm_owner@db/crm' }).DATABASE_MIGRATION_URL).toBe(
      'postgres://crm_owner@db/crm',
    );
    expect(() => parseConfig({ DATABASE_URL: 'postgres://crm_app@db/crm', DATABASE_MIGRATION_URL: 'crm_owner@db' })).toThrow(
      /DATABASE_MIGRATION_URL: must be a postgres:\/\/ URL/,
    );
  });

  it('never echoes the values it rejects', () => {
    expect(() => parseConfig({ DATABASE_URL: 'secret-password-here' })).toThrow(ConfigError);
    try {
      parseConfig({ DATABASE_URL: 'secret-password-here' });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-password-here');
    }
  });

  describe('TRUSTED_PROXIES', () => {
    const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crm' };

    it('trusts only this host by default', () => {
      expect(parseConfig(base).TRUSTED_PROXIES).toEqual(['loopback']);
    });

    it('takes addresses, CIDR ranges and named ranges, comma-separated', () => {
      const config = parseConfig({ ...base, TRUSTED_PROXIES: ' 10.0.0.7, 172.16.0.0/12 ,fd00::/8,::1, uniquelocal,' });
      expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.7', '172.16.0.0/12', 'fd00::/8', '::1', 'uniquelocal']);
    });

    it('names each bad entry by its position, not its value', () => {
      try {
        parseConfig({ ...base, TRUSTED_PROXIES: '10.0.0.1, staff.internal, 10.0.0.0/33, ::1/129, 10.0.0.0/8/1, *' });
        throw new Error('expected a ConfigError');
      } catch (error) {
        const problems = (error as ConfigError).problems;
        expect(problems.map((line) => line.replace(/ is not .*/, ''))).toEqual([2, 3, 4, 5, 6].map((n) => `TRUSTED_PROXIES: entry ${n}`));
        expect(problems.join('\n')).not.toMatch(/staff\.internal|\/33/);
      }
    });
  });
});
