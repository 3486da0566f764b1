import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { OutageLog } from './outage-log';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

/**
 * The worker's BullMQ queues (the producer side: the outbox relay adds to them,
 * the job schedulers keep their schedulers there). Producers fail fast while
 * Redis is away (no offline queue: the relay keeps the outbox row and tries
 * again); connection errors are one line when lost and one when back.
 */
@Injectable()
export class Queues implements OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private readonly queues = new Map<string, { queue: Queue; outage: OutageLog }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    for (const name of Object.values(QueueName)) {
      // maxRetriesPerRequest null as BullMQ requires.
      const queue = new Queue(name, { connection: redisOptionsFromUrl(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: false }) as never });
      const outage = new OutageLog(`redis (${name} queue)`, this.logger);
      queue.on('error', (error) => outage.error(error));
      queue.getBackend().on('ready', () => outage.ready());
      this.queues.set(name, { queue, outage });
    }
  }

  get(name: string): Queue | undefined {
    return this.queues.get(name)?.queue;
  }

  all(): Map<string, Queue> {
    return new Map([...this.queues].map(([name, { queue }]) => [name, queue]));
  }

  /**
   * Closes the connections. While Redis is away a graceful close cannot be sent
   * (and ioredis never reports a reconnecting client as ended): drop the
   * connection and move on, so the worker stops at once instead of after its 25 s limit.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map(async ({ queue, outage }) => {
        if (outage.isDown) await Promise.race([queue.disconnect().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 500).unref())]);
        else await queue.close().catch((error: unknown) => this.logger.warn({ queue: queue.name, reason: String(error), msg: 'could not close the queue' }));
      }),
    );
  }
}
