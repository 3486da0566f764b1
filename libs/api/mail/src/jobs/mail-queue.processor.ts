import { Processor, WorkerHost, OnWorkerEvent } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QueueName, type JobPayloads } from '@crm/platform';
import type { Job } from 'bullmq';
import { SendMailJob } from './send-mail.job';

@Processor(QueueName.Mail, { concurrency: 4 })
export class MailQueueProcessor extends WorkerHost {
  private readonly logger = new Logger('MailQueue');

  constructor(private readonly sendMail: SendMailJob) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case 'SendMailJob':
        return this.sendMail.handle(job.data as JobPayloads['SendMailJob']);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Mail}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    // Ids only: the job id is the outbox id.
    this.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, reason: error.message, msg: 'job failed' });
  }
}
