import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatDate, translator } from '@crm/i18n';
import { DigestSections, type DigestLine, type DigestRecipient } from '@crm/outreach';
import type { EntityManager } from 'typeorm';
import { PledgeRepository } from './pledge.repository';

/** Pledges' part of the daily digest: the recipient's overdue pledges (theirs to follow up: owner, else creator). */
@Injectable()
export class OverduePledgesSection implements OnModuleInit {
  constructor(
    private readonly sections: DigestSections,
    private readonly pledges: PledgeRepository,
  ) {}

  onModuleInit(): void {
    this.sections.register('overduePledges', { order: 20, lines: (manager, recipient) => this.lines(manager, recipient) });
  }

  private async lines(manager: EntityManager, recipient: DigestRecipient): Promise<{ heading: string; lines: DigestLine[] }[]> {
    const t = translator(recipient.language);
    const rows = await this.pledges.overdueFor(manager, recipient.userId);
    const lines = rows.map((row): DigestLine => ({
      text: t('digest.pledgeOverdue', { pledger: row.pledgerName, kind: t(`pledge.kind.${row.kind}`), date: formatDate(recipient.language, row.dueOn) }),
      path: `/pledges/${row.id}`,
    }));
    return lines.length ? [{ heading: t('digest.pledgesOverdue'), lines }] : [];
  }
}
