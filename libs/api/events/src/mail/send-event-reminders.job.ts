import { Injectable, Logger } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { QueueName, RepeatableJob, type JobTick, type RepeatableJobHandler } from '@crm/platform';
import { DataSource } from 'typeorm';
import { EventMailRepository } from './event-mail.repository';
import { EventMailer } from './event-mailer';

/** Reminders go out from this hour of the day before, on the event's own clock. */
export const REMINDER_HOUR = 9;

/**
 * The day-before reminder (decision 117). Hourly: events that start tomorrow in their
 * own zone, once their clock reads 09:00 or later today, remind those who said yes or
 * maybe. Each person is one transaction that claims the reminder (unique per event and
 * person) and queues the e-mail through the outbox, so exactly one reminder goes to each
 * person per event whatever the number of workers, retries or late ticks; the gate of
 * mail to people decides whether it is sent or withheld. Times come from the tick.
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '5 * * * *', tz: officeTimeZone } })
@Injectable()
export class SendEventRemindersJob implements RepeatableJobHandler {
  private readonly logger = new Logger(SendEventRemindersJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: EventMailRepository,
    private readonly mailer: EventMailer,
  ) {}

  async handle(tick: JobTick): Promise<void> {
    let reminded = 0;
    const events = await this.log.remindable(tick.scheduledAt, REMINDER_HOUR);
    for (const event of events) {
      for (const personId of await this.log.toRemind(event.id)) {
        if (await this.dataSource.transaction((manager) => this.mailer.remind(manager, event, personId))) reminded++;
      }
    }
    this.logger.log({ tick: tick.key, events: events.length, reminded, msg: 'event reminders' });
  }
}
