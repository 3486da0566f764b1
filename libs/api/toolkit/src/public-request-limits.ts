import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PublicToolkitRequestInput } from '@crm/contracts';
import { addressBudget } from '@crm/identity';
import { DomainException, ErrorCode, REDIS_CLIENT } from '@crm/platform';
import type Redis from 'ioredis';

/** Public submissions allowed per client address (an IPv6 /64) per minute; the next is refused. */
export const publicRequestsPerMinute = 30;
/** A second identical public request within this many minutes is the same request. */
export const duplicateWindowMinutes = 10;

export class TooManyToolkitRequestsException extends DomainException {
  constructor() {
    super(ErrorCode.TooManyRequests, `Too many requests from your address: wait a minute and try again.`);
  }
}

/**
 * The public form's limits that are not about one field: submissions per address
 * (counted in Redis, so the limit holds across API instances; the key holds the
 * address budget, never a name), and the fingerprint that makes a repeat collapse.
 */
@Injectable()
export class PublicRequestLimits {
  private readonly logger = new Logger(PublicRequestLimits.name);

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Counts this submission; TOO_MANY_REQUESTS past the minute's budget (before anything is read or stored). */
  async count(address: string): Promise<void> {
    const key = `toolkit:public:${addressBudget(address)}`;
    let used: number;
    try {
      const result = await this.redis.multi().incr(key).expire(key, 60, 'NX').exec();
      used = Number(result?.[0]?.[1] ?? 0);
    } catch (error) {
      // Redis away: the form stays open (the other checks still hold), and says so in the log.
      this.logger.warn({ reason: (error as Error).message, msg: 'toolkit request limit unavailable' });
      return;
    }
    if (used > publicRequestsPerMinute) throw new TooManyToolkitRequestsException();
  }
}

/** Same person, same address, same items: the fingerprint of a public request (a hash: no personal value kept in clear). */
export function requestFingerprint(input: PublicToolkitRequestInput): string {
  const items = [...input.items].sort((a, b) => a.itemId.localeCompare(b.itemId)).map((line) => `${line.itemId}:${line.quantity}`);
  const parts = [input.email, input.name.toLowerCase(), input.postalCode, input.addressLine.toLowerCase(), items.join(',')];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
