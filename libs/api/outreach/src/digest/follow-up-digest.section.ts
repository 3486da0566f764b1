import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatDate, translator } from '@crm/i18n';
import type { EntityManager } from 'typeorm';
import { DigestRepository, type FollowUpLine } from './digest.repository';
import { DigestSections, type DigestLine, type DigestPart, type DigestRecipient } from './digest-sections';

/** Outreach's part of the digest: each recipient's follow-ups, overdue then due today (read for a batch of recipients at once). */
@Injectable()
export class FollowUpDigestSection implements OnModuleInit {
  constructor(
    private readonly sections: DigestSections,
    private readonly digests: DigestRepository,
  ) {}

  onModuleInit(): void {
    this.sections.register('followUps', { order: 10, lines: (manager, recipients) => this.lines(manager, recipients) });
  }

  private async lines(manager: EntityManager, recipients: readonly DigestRecipient[]): Promise<Map<string, DigestPart[]>> {
    const due = await this.digests.dueFollowUps(
      manager,
      recipients.map((recipient) => ({ userId: recipient.userId, date: recipient.localDate })),
    );
    const parts = new Map<string, DigestPart[]>();
    for (const recipient of recipients) {
      const rows = due.get(recipient.userId);
      if (rows?.length) parts.set(recipient.userId, this.render(recipient, rows));
    }
    return parts;
  }

  /** One recipient's follow-ups in their language: overdue, then due today. */
  private render(recipient: DigestRecipient, rows: readonly FollowUpLine[]): DigestPart[] {
    const t = translator(recipient.language);
    const line = (row: FollowUpLine): DigestLine => ({
      text:
        t('digest.followUp', {
          person: row.personName,
          date: formatDate(recipient.language, row.followUpOn),
          channel: t(`outreach.channel.${row.channel as 'call'}`).toLowerCase(),
          outcome: t(`outreach.outcome.${row.outcome as 'interested'}`).toLowerCase(),
        }) + (row.doNotContact ? ` ${t('digest.doNotContact')}` : ''),
      path: `/people/${row.personId}`,
    });
    const overdue = rows.filter((row) => row.followUpOn < recipient.localDate).map(line);
    const today = rows.filter((row) => row.followUpOn === recipient.localDate).map(line);
    return [
      ...(overdue.length ? [{ heading: t('followUps.overdue'), lines: overdue }] : []),
      ...(today.length ? [{ heading: t('followUps.today'), lines: today }] : []),
    ];
  }
}
