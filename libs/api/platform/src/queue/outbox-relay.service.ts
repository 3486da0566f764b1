import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { OutboxRelay } from './outbox-relay';
import { QueueName } from './queue-names';

/** Runs the outbox relay in the worker process until shutdown. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
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
      queues.set(name, this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    }
    this.relay = new OutboxRelay(this.dataSource, queues, {
      warn: (obj, msg) => this.logger.warn({ ...obj, msg }),
    });
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relay
        .relayOnce()
        .then((result) => this.schedule(result.relayed > 0 && result.failed === 0 ? 0 : this.config.OUTBOX_POLL_MS))
        .catch((error: unknown) => {
          this.logger.warn({ reason: error instanceof Error ? error.message : String(error), msg: 'outbox relay pass failed' });
          this.schedule(this.config.OUTBOX_POLL_MS);
        });
    }, delay);
  }
}
