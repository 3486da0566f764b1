import { Inject, Injectable, Logger } from '@nestjs/common';
import { formatDate, officeTimeZone } from '@crm/i18n';
import { composeMail, MailService, type OutgoingMail } from '@crm/mail';
import { APP_CONFIG, QueueName, RepeatableJob, type AppConfig, type JobTick, type RepeatableJobHandler } from '@crm/platform';
import { DataSource } from 'typeorm';
import { DigestRepository, type DigestCandidate } from './digest.repository';
import { dailyDigestMail } from './digest-mail';
import { DigestSections, type DigestPart } from './digest-sections';

/** A tick late by up to this many hours (Redis or the worker away at the hour) still sends that day's digest. */
export const DIGEST_WINDOW_HOURS = 12;

/** Users claimed, read and mailed per transaction (decision 092): 500 coordinators are one or two batches. */
export const DIGEST_BATCH_SIZE = 250;

/**
 * The daily digest (decisions 082, 092). Hourly, for every staff member and coordinator
 * whose local hour (their zone, else DIGEST_TIME_ZONE) is DIGEST_HOUR or up to 12
 * hours later and whose day is not done yet. Set-based: one statement finds them;
 * then per batch of users, one transaction claims their days (`digest_sent`, primary
 * key user + date) in one insert, reads each section's lines for all of them in one
 * statement, renders each e-mail in its recipient's language and queues them all
 * (one insert of messages, one of outbox rows): the claims and the mails exist
 * together or not at all. Exactly once per user and day, whatever the number of
 * workers, restarts or retries; a tick run late (Redis away at 07:00) has the same
 * scheduled time, hence the same day. All times come from the tick, never from "now".
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '0 * * * *', tz: officeTimeZone } })
@Injectable()
export class SendDailyDigestsJob implements RepeatableJobHandler {
  private readonly logger = new Logger(SendDailyDigestsJob.name);
  /** Users per transaction (tests make it small to stop a run between batches). */
  batchSize = DIGEST_BATCH_SIZE;

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
    for (let start = 0; start < candidates.length; start += this.batchSize) sent += await this.sendBatch(candidates.slice(start, start + this.batchSize));
    // Counts only: no address or name in the log.
    this.logger.log({ tick: tick.key, candidates: candidates.length, sent, msg: 'daily digests' });
  }

  /**
   * One batch of users' day, in one transaction: claimed in bulk (those claimed already
   * are skipped), mailed when something is due; a day with nothing due is claimed without
   * mail (checked once). Answers how many e-mails were queued.
   */
  async sendBatch(candidates: readonly DigestCandidate[]): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.digests.claimMany(
        manager,
        candidates.map((candidate) => ({ userId: candidate.userId, date: candidate.localDate })),
      );
      const mine = candidates.filter((candidate) => claimed.has(candidate.userId));
      if (mine.length === 0) return 0;
      const recipients = mine.map((candidate) => ({ userId: candidate.userId, language: candidate.language, localDate: candidate.localDate }));
      const bySection: Map<string, DigestPart[]>[] = [];
      for (const section of this.sections.all()) bySection.push(await section.lines(manager, recipients));
      const base = this.config.STAFF_URL.replace(/\/$/, '');
      const mails: { candidate: DigestCandidate; mail: OutgoingMail }[] = [];
      for (const candidate of mine) {
        const parts = bySection.flatMap((section) => section.get(candidate.userId) ?? []);
        const count = parts.reduce((sum, part) => sum + part.lines.length, 0);
        if (count === 0) continue;
        mails.push({
          candidate,
          mail: composeMail(
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
        });
      }
      const ids = await this.mail.queueMany(
        manager,
        mails.map((entry) => entry.mail),
      );
      await this.digests.recordMails(
        manager,
        mails.map((entry, i) => ({ userId: entry.candidate.userId, date: entry.candidate.localDate, mailMessageId: ids[i] })),
      );
      return mails.length;
    });
  }
}
