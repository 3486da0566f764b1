import { Injectable } from '@nestjs/common';
import { BadUserInputException, type RequestContext } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import { OwnerOptionsRepository, type OwnerOptionRow } from './owner-options.repository';

/** Who may look after records, as the caller may choose them. */
@Injectable()
export class OwnerOptionsService {
  constructor(private readonly owners: OwnerOptionsRepository) {}

  list(ctx: RequestContext): Promise<OwnerOptionRow[]> {
    return ctx.actor ? this.owners.list(ctx.actor) : Promise.resolve([]);
  }

  /** A new owner must be one the caller could pick (no owner is always allowed). */
  async assertAssignable(
    manager: EntityManager,
    ctx: RequestContext,
    ownerId: string | null | undefined,
    path: (string | number)[] = ['input', 'ownerId'],
  ): Promise<void> {
    if (!ownerId) return;
    if (ctx.actor && (await this.owners.isAssignable(manager, ctx.actor, ownerId))) return;
    throw new BadUserInputException([{ path, code: 'owner' }], 'The owner is not a staff or coordinator account you can choose');
  }
}
