import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatDate, officeTimeZone } from '@crm/i18n';
import { composeMail, MailService } from '@crm/mail';
import { APP_CONFIG, QueueName, RepeatableJob, type AppConfig, type JobTick, type RepeatableJobHandler } from '@crm/platform';
import { DataSource } from 'typeorm';
import { DigestRepository, type DigestCandidate } from './digest.repository';
import { dailyDigestMail } from './digest-mail';
import { DigestSections } from './digest-sections';

/** A tick late by up to this many hours (Redis or the worker away at the hour) still sends that day's digest. */
export const DIGEST_WINDOW_HOURS = 12;

/**
 * The daily digest (decision 082). Hourly, for every staff member and coordinator
 * whose local hour (their zone, else DIGEST_TIME_ZONE) is DIGEST_HOUR or up to 12
 * hours later and whose day is not done yet: one transaction claims the day
 * (`digest_sent`, primary key user + date) and queues the e-mail through the
 * outbox, so the claim and the mail exist together or not at all. Exactly once per
 * user and day, whatever the number of workers, restarts or retries; a tick run
 * late (Redis away at 07:00) has the same scheduled time, hence the same day. All
 * times come from the tick, never from "now".
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '0 * * * *', tz: officeTimeZone } })
@Injectable()
export class SendDailyDigestsJob implements RepeatableJobHandler {
  private readonly logger = new Logger(SendDailyDigestsJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digests: DigestRepository,
    private readonly sections: DigestSections,
    private readonly mail: MailService,
    private readonly dataSource: DataSource,
  ) {}

  async handle(tick: JobTick): Promise<void> {
    const candidates = await this.digests.candidates(tick.scheduledAt, this.config.DIGEST_HOUR, DIGEST_WINDOW_HOURS, this.config.DIGEST_TIME_ZONE);
    let sent = 0;
    for (const candidate of candidates) if (await this.sendOne(candidate)) sent++;
    this.logger.log({ tick: tick.key, candidates: candidates.length, sent, msg: 'daily digests' });
  }

  /** One user's day: claimed and mailed together; a day with nothing due is claimed without mail (checked once). */
  async sendOne(candidate: DigestCandidate): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.digests.claim(manager, candidate.userId, candidate.localDate))) return false;
      const recipient = { userId: candidate.userId, language: candidate.language, localDate: candidate.localDate };
      const parts = [];
      for (const section of this.sections.all()) parts.push(...(await section.lines(manager, recipient)));
      const count = parts.reduce((sum, part) => sum + part.lines.length, 0);
      if (count === 0) return false;
      const base = this.config.STAFF_URL.replace(/\/$/, '');
      const mailId = await this.mail.queue(
        manager,
        composeMail(
          dailyDigestMail,
          { address: candidate.email, language: candidate.language },
          {
            name: candidate.name,
            dateText: formatDate(candidate.language, candidate.localDate),
            count,
            sections: parts.map((part) => ({ heading: part.heading, lines: part.lines.map((line) => ({ text: line.text, link: `${base}${line.path}` })) })),
            link: `${base}/follow-ups`,
          },
        ),
      );
      await this.digests.recordMail(manager, candidate.userId, candidate.localDate, mailId);
      return true;
    });
  }
}
