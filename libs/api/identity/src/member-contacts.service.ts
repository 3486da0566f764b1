import { Injectable } from '@nestjs/common';
import { SessionCache } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import { UserRepository } from './user.repository';

/** The accounts that act for a member organization: what an organization merge must carry over. */
@Injectable()
export class MemberContactsService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessionCache: SessionCache,
  ) {}

  /** In the merge's transaction: the duplicate's member contacts now belong to the survivor. */
  moveToOrganization(manager: EntityManager, fromOrganizationId: string, toOrganizationId: string): Promise<number> {
    return this.users.moveOrganization(manager, fromOrganizationId, toOrganizationId);
  }

  /** Who to write to about an organization's business (its member contacts), or to some users: active accounts only. */
  mailRecipients(manager: EntityManager, of: { userIds?: string[]; organizationId?: string }): Promise<{ email: string; language: 'en' | 'fr' }[]> {
    return this.users.mailRecipients(manager, of);
  }

  /** After the merge commits: their cached sessions must act for the survivor at once. */
  async refreshSessionsOf(organizationId: string): Promise<void> {
    await this.sessionCache.invalidateUsers(await this.users.idsOfOrganization(organizationId));
  }
}
