import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatDate, translator } from '@crm/i18n';
import { DigestSections, type DigestLine, type DigestPart, type DigestRecipient } from '@crm/outreach';
import type { EntityManager } from 'typeorm';
import { PledgeRepository } from './pledge.repository';

/** Pledges' part of the daily digest: each recipient's overdue pledges (theirs to follow up: owner, else creator), read for a batch at once. */
@Injectable()
export class OverduePledgesSection implements OnModuleInit {
  constructor(
    private readonly sections: DigestSections,
    private readonly pledges: PledgeRepository,
  ) {}

  onModuleInit(): void {
    this.sections.register('overduePledges', { order: 20, lines: (manager, recipients) => this.lines(manager, recipients) });
  }

  private async lines(manager: EntityManager, recipients: readonly DigestRecipient[]): Promise<Map<string, DigestPart[]>> {
    const overdue = await this.pledges.overdueFor(
      manager,
      recipients.map((recipient) => recipient.userId),
    );
    const parts = new Map<string, DigestPart[]>();
    for (const recipient of recipients) {
      const rows = overdue.get(recipient.userId);
      if (!rows?.length) continue;
      const t = translator(recipient.language);
      const lines = rows.map((row): DigestLine => ({
        text: t('digest.pledgeOverdue', { pledger: row.pledgerName, kind: t(`pledge.kind.${row.kind}`), date: formatDate(recipient.language, row.dueOn) }),
        path: `/pledges/${row.id}`,
      }));
      parts.set(recipient.userId, [{ heading: t('digest.pledgesOverdue'), lines }]);
    }
    return parts;
  }
}
