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
});
