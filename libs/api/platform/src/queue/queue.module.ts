import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistry } from './job-registry';
import { JobSchedulers } from './job-schedulers.service';
import { JobTickRepository } from './job-tick.repository';
import { JobWorkers } from './job-workers.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { PurgeOutboxJob } from './purge-outbox.job';
import { Queues } from './queues';

// The worker's side of BullMQ: the queues (for the outbox relay and the job
// schedulers), one worker per queue running the handlers the loaded modules
// provide (JobRegistry), and the platform's own repeatable job. The API only
// writes to the outbox, so it imports OutboxModule, not this.
@Module({
  imports: [DiscoveryModule],
  providers: [Queues, JobRegistry, JobTickRepository, JobWorkers, JobSchedulers, OutboxRepository, PurgeOutboxJob],
  exports: [Queues, JobRegistry, JobWorkers, JobSchedulers],
})
export class QueueModule {}

@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
