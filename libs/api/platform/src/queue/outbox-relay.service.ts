import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { OutageLog } from './outage-log';
import { OutboxRelay } from './outbox-relay';
import { Queues } from './queues';

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
    private readonly queues: Queues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay = new OutboxRelay(this.dataSource, this.queues.all(), {
      warn: (obj) => this.outage.error(new Error(String((obj as { reason?: unknown }).reason))),
    });
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
