import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditFilter, PageArgs } from '@crm/contracts';
import { Allow, parseInput } from '@crm/platform';
import { AuditEntryConnection, AuditEntryObject, AuditFilterInputType } from './audit-entry.object';
import { AuditLogRepository } from './audit-log.repository';

@Resolver(() => AuditEntryObject)
export class AuditLogResolver {
  constructor(private readonly repository: AuditLogRepository) {}

  @Allow('read', 'AuditEntry')
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (ADMIN)' })
  auditEntries(
    @Args('filter', { nullable: true }) filter: AuditFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<AuditEntryConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    return this.repository.list(parseInput(AuditFilter, filter ?? {}, ['filter']), page.first, page.after);
  }
}
