import { Injectable } from '@nestjs/common';
import { AuditService, BadUserInputException, NotFoundException, type RequestContext } from '@crm/platform';
import { DataSource } from 'typeorm';
import { DuplicatePairsRepository, type DuplicateKind, type DuplicateReason } from './duplicate-pairs.repository';

const nouns: Record<DuplicateKind, string> = { Person: 'person', Organization: 'organization' };

/** The possible-duplicates queue (decision 027): pairs to compare and merge, or to dismiss for good. */
@Injectable()
export class DuplicatePairsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pairs: DuplicatePairsRepository,
    private readonly audit: AuditService,
  ) {}

  page(ctx: RequestContext, kind: DuplicateKind, reason: DuplicateReason, first: number, after: string | null | undefined) {
    return this.pairs.page(ctx.ability, kind, reason, first, after);
  }

  /**
   * "Not a duplicate": remembered (the pair does not come back) and audited on both
   * records. Both must be records the caller may read; otherwise NOT_FOUND, as if absent.
   */
  async dismiss(ctx: RequestContext, kind: DuplicateKind, ids: [string, string]): Promise<boolean> {
    const [lowId, highId] = [...ids].sort() as [string, string];
    if (lowId === highId) throw new BadUserInputException([{ path: ['secondId'], code: 'mergeSame' }]);
    return this.dataSource.transaction(async (manager) => {
      if ((await this.pairs.visibleCount(manager, ctx.ability, kind, [lowId, highId])) !== 2) throw new NotFoundException(kind);
      if (!(await this.pairs.dismiss(manager, kind, lowId, highId, ctx.actor?.id ?? null))) return true;
      for (const [subjectId, otherId] of [
        [lowId, highId],
        [highId, lowId],
      ]) {
        await this.audit.record(manager, ctx, {
          action: `${nouns[kind]}.notDuplicate`,
          subjectType: kind,
          subjectId,
          before: { notDuplicateOf: null },
          after: { notDuplicateOf: otherId },
        });
      }
      return true;
    });
  }
}
