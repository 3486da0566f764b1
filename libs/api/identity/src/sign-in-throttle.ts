import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, DomainException, ErrorCode, REDIS_CLIENT, type AppConfig } from '@crm/platform';
import type Redis from 'ioredis';

export class TooManyAttemptsException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.TooManyRequests, `Too many failed sign-in attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`);
  }
}

/**
 * The budget a client address draws on: an IPv4 address (also written as
 * ::ffff:a.b.c.d), or an IPv6 /64 — one subscriber's network, whose 2^64
 * addresses would otherwise each get a budget of their own.
 */
export function addressBudget(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.slice(0, 64);
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts failed sign-ins per account and per address in Redis, so the limit
 * holds across API instances. Keys hold a hash of the e-mail, never the e-mail.
 */
@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, address: string) {
    const account = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
    return { account: `signin:fail:account:${account}`, address: `signin:fail:address:${addressBudget(address)}` };
  }

  /** Throws TOO_MANY_REQUESTS while either counter is at its limit. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    try {
      const [[, account], [, byAddress], [, accountTtl], [, addressTtl]] = (await this.redis
        .multi()
        .get(keys.account)
        .get(keys.address)
        .ttl(keys.account)
        .ttl(keys.address)
        .exec()) as [unknown, string | null | number][];
      if (Number(account ?? 0) >= this.config.SIGNIN_MAX_FAILURES_PER_ACCOUNT) throw new TooManyAttemptsException(Number(accountTtl));
      if (Number(byAddress ?? 0) >= this.config.SIGNIN_MAX_FAILURES_PER_ADDRESS) throw new TooManyAttemptsException(Number(addressTtl));
    } catch (error) {
      if (error instanceof TooManyAttemptsException) throw error;
      // Redis away: let people sign in (passwords are still checked) and say so loudly.
      this.logger.warn({ reason: (error as Error).message, msg: 'sign-in throttle unavailable' });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    const window = this.config.SIGNIN_THROTTLE_WINDOW_SECONDS;
    try {
      // The window starts at the first failure (NX) and is not extended by later ones.
      await this.redis.multi().incr(keys.account).expire(keys.account, window, 'NX').incr(keys.address).expire(keys.address, window, 'NX').exec();
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message, msg: 'sign-in throttle unavailable' });
    }
  }

  async recordSuccess(email: string): Promise<void> {
    try {
      await this.redis.del(this.keys(email, '').account);
    } catch {
      // nothing to undo
    }
  }
}
