import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError } from 'bullmq';
import { JOB_DEFINITION, type JobDefinition, type OutboxJobHandler, type RepeatableJobHandler } from './job.decorators';
import type { JobName, QueueName } from './queue-names';

export type RegisteredJob =
  | (Extract<JobDefinition, { kind: 'outbox' }> & { handler: OutboxJobHandler<JobName> })
  | (Extract<JobDefinition, { kind: 'repeatable' }> & { handler: RepeatableJobHandler });

/** A job no handler is registered for: failed at once, without retries (another attempt would not find one either). */
export class UnknownJobError extends UnrecoverableError {
  constructor(queue: string, name: string) {
    super(`Unknown job ${name} on queue ${queue}: no handler is registered for it`);
    this.name = 'UnrecoverableError';
  }
}

/**
 * Job name → handler, filled from the providers marked `@QueueJob` or
 * `@RepeatableJob` in the modules the process loads (each module registers its
 * own handlers by providing them). The worker's one processor per queue looks
 * jobs up here.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly jobs = new Map<string, RegisteredJob>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type || !wrapper.instance || typeof type !== 'function') continue;
      const definition = Reflect.getMetadata(JOB_DEFINITION, type) as JobDefinition | undefined;
      if (!definition) continue;
      const known = this.jobs.get(definition.name);
      // The same class provided by two modules is one handler; two classes of one name are a mistake.
      if (known && known.handler.constructor !== type) throw new Error(`Two handlers for job ${definition.name}`);
      this.jobs.set(definition.name, { ...definition, handler: wrapper.instance } as RegisteredJob);
    }
  }

  /** Queues that have at least one handler in this process. */
  queues(): QueueName[] {
    return [...new Set([...this.jobs.values()].map((job) => job.queue))];
  }

  repeatable(): Extract<RegisteredJob, { kind: 'repeatable' }>[] {
    return [...this.jobs.values()].filter((job): job is Extract<RegisteredJob, { kind: 'repeatable' }> => job.kind === 'repeatable');
  }

  /** The handler of a job taken from `queue`; unknown (or on the wrong queue) fails loudly. */
  resolve(queue: string, name: string): RegisteredJob {
    const job = this.jobs.get(name);
    if (!job || job.queue !== queue) throw new UnknownJobError(queue, name);
    return job;
  }
}
