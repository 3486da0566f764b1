import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditFilter, PageArgs } from '@crm/contracts';
import { Allow, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { AuditEntryConnection, AuditEntryObject, AuditFilterInputType } from './audit-entry.object';
import { AuditLogService } from './audit-log.service';

@Resolver(() => AuditEntryObject)
export class AuditLogResolver {
  constructor(private readonly log: AuditLogService) {}

  @Allow('read', 'AuditEntry')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (ADMIN)' })
  auditEntries(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: AuditFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<AuditEntryConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    return this.log.list(ctx, parseInput(AuditFilter, filter ?? {}, ['filter']), page.first, page.after);
  }
}
