import { UnrecoverableError } from 'bullmq';
import { QueueJob, RepeatableJob } from './job.decorators';
import { UnknownJobError } from './job-registry';
import { isGivenUp, tickMillis } from './job-workers.service';
import { QueueName } from './queue-names';
import { reconnectDelay } from './redis-connection';

describe('isGivenUp', () => {
  const opts = { attempts: 5 };

  it('is false while attempts remain', () => {
    expect(isGivenUp({ attemptsMade: 2, opts }, new Error('deadlock'))).toBe(false);
  });

  it('is true once the attempts are used up', () => {
    expect(isGivenUp({ attemptsMade: 5, opts }, new Error('deadlock'))).toBe(true);
  });

  // BullMQ fails a job whose worker died more than maxStalledCount times with an
  // UnrecoverableError after a single attempt: counting attempts alone left such
  // an import "importing" for ever.
  it('is true for a job failed as stalled too often, whatever its attempts', () => {
    expect(isGivenUp({ attemptsMade: 1, opts }, new UnrecoverableError('job stalled more than allowable limit'))).toBe(true);
    expect(isGivenUp({ attemptsMade: 1, opts, finishedOn: Date.now() }, new Error('job stalled more than allowable limit'))).toBe(true);
  });

  it('is true for an unknown job, which fails at once', () => {
    expect(isGivenUp({ attemptsMade: 1, opts }, new UnknownJobError('mail', 'NoSuchJob'))).toBe(true);
  });
});

describe('tickMillis', () => {
  it('reads the scheduled time from a scheduler job id and from a catch-up job id', () => {
    expect(tickMillis({ id: 'repeat:PurgeOutboxJob:1767166200000', opts: {}, timestamp: 1 })).toBe(1767166200000);
    expect(tickMillis({ id: 'catch-up:PurgeOutboxJob:1767166200000', opts: {}, timestamp: 1 })).toBe(1767166200000);
  });
});

describe('job decorators', () => {
  it('refuse an outbox job declared on another queue than the outbox sends it to', () => {
    expect(() => {
      @QueueJob(QueueName.Imports)
      class SendMailJob {}
      return SendMailJob;
    }).toThrow(/declares queue "imports" but the outbox sends it to "mail"/);
  });

  it('refuse a job class whose name is no job', () => {
    expect(() => {
      @QueueJob(QueueName.Mail)
      class SendMail {}
      return SendMail;
    }).toThrow(/no job of that name/);
  });

  it('refuse a repeatable job named like an outbox job', () => {
    expect(() => {
      @RepeatableJob({ queue: QueueName.Maintenance, schedule: { every: 1000 } })
      class RunImportJob {}
      return RunImportJob;
    }).toThrow(/is an outbox job/);
  });
});

describe('reconnectDelay', () => {
  it('never waits more than a second between attempts to reach Redis', () => {
    expect([1, 2, 3, 4, 10, 1000].map(reconnectDelay)).toEqual([250, 500, 750, 1000, 1000, 1000]);
  });
});
