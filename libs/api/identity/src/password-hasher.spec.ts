import { hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('uses argon2id at the OWASP floor (19 MiB, 2 iterations)', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hashed = await hashPassword('correct horse battery staple');
    await expect(verifyPassword(hashed, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(hashed, 'Correct horse battery staple')).resolves.toBe(false);
  });

  it('refuses when there is no hash at all, without throwing', async () => {
    await expect(verifyPassword(null, 'anything')).resolves.toBe(false);
  });
});
