import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { JobRegistry } from './job-registry';
import { JobSchedulers } from './job-schedulers.service';
import { JobTickRepository } from './job-tick.repository';
import { JobWorkers } from './job-workers.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { PurgeOutboxJob } from './purge-outbox.job';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

// The worker's side of BullMQ: the queues (for the outbox relay and the job
// schedulers), one worker per queue running the handlers the loaded modules
// provide (JobRegistry), and the platform's own repeatable job. The API only
// writes to the outbox, so it imports OutboxModule, not this.
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Producers fail fast while Redis is away (the relay keeps the outbox row and tries again);
        // maxRetriesPerRequest null as BullMQ requires.
        connection: redisOptionsFromUrl(config.REDIS_URL, { maxRetriesPerRequest: null, enableOfflineQueue: false }) as never,
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobRegistry, JobTickRepository, JobWorkers, JobSchedulers, OutboxRepository, PurgeOutboxJob],
  exports: [BullModule, JobRegistry, JobWorkers, JobSchedulers],
})
export class QueueModule {}

@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
