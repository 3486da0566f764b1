import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { OutageLog } from './outage-log';
import { OutboxRelay } from './outbox-relay';
import { QueueName } from './queue-names';

/** Runs the outbox relay in the worker process until shutdown. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  // While PostgreSQL or Redis is away a pass fails every OUTBOX_POLL_MS: one line when it starts failing, one when it works again.
  private readonly outage = new OutageLog('outbox relay', this.logger);
  private relay: OutboxRelay;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const queues = new Map<string, Queue>();
    for (const name of Object.values(QueueName)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      // A queue without an error listener prints each connection error's stack on stderr.
      const outage = new OutageLog(`redis (${name} queue)`, this.logger);
      queue.on('error', (error) => outage.error(error));
      queue.getBackend().on('ready', () => outage.ready());
      queues.set(name, queue);
    }
    this.relay = new OutboxRelay(this.dataSource, queues, { warn: (obj) => this.outage.error(new Error(String((obj as { reason?: unknown }).reason))) });
    this.schedule(0);
  }

  /** Stop relaying before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relay
        .relayOnce()
        .then((result) => {
          if (result.failed === 0) this.outage.ready();
          this.schedule(result.relayed > 0 && result.failed === 0 ? 0 : this.config.OUTBOX_POLL_MS);
        })
        .catch((error: unknown) => {
          this.outage.error(error);
          this.schedule(this.config.OUTBOX_POLL_MS);
        });
    }, delay);
  }
}
