import { retryOnDeadlock } from './retry-on-deadlock';

const deadlock = () => Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } });

describe('a rebuild batch ended by a deadlock', () => {
  it('is placed again, up to three times in all', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        if (++calls < 3) throw deadlock();
        return 'placed';
      }),
    ).resolves.toBe('placed');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw deadlock();
      }),
    ).rejects.toThrow('deadlock detected');
    expect(calls).toBe(3);
  });

  it('any other error ends the rebuild at once', async () => {
    let calls = 0;
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw Object.assign(new Error('no such table'), { code: '42P01' });
      }),
    ).rejects.toThrow('no such table');
    expect(calls).toBe(1);
  });
});
