import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatDate, translator } from '@crm/i18n';
import type { EntityManager } from 'typeorm';
import { DigestRepository } from './digest.repository';
import { DigestSections, type DigestLine, type DigestRecipient } from './digest-sections';

/** Outreach's part of the digest: the recipient's follow-ups, overdue then due today. */
@Injectable()
export class FollowUpDigestSection implements OnModuleInit {
  constructor(
    private readonly sections: DigestSections,
    private readonly digests: DigestRepository,
  ) {}

  onModuleInit(): void {
    this.sections.register('followUps', { order: 10, lines: (manager, recipient) => this.lines(manager, recipient) });
  }

  private async lines(manager: EntityManager, recipient: DigestRecipient): Promise<{ heading: string; lines: DigestLine[] }[]> {
    const t = translator(recipient.language);
    const rows = await this.digests.dueFollowUps(manager, recipient.userId, recipient.localDate);
    const line = (row: (typeof rows)[number]): DigestLine => ({
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
