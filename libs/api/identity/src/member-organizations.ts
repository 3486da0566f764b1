import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Whether an organization exists and is active, answered by the module that owns organizations. */
export type OrganizationExists = (manager: EntityManager, organizationId: string) => Promise<boolean>;

/**
 * A member contact belongs to an organization, which identity (a floor below the
 * organizations domain) cannot read itself: the organizations module registers how
 * to check one at start-up. Unregistered, no organization exists (fail closed).
 */
@Injectable()
export class MemberOrganizations {
  private check: OrganizationExists | null = null;

  register(check: OrganizationExists): void {
    if (this.check) throw new Error('the member organization check is registered twice');
    this.check = check;
  }

  exists(manager: EntityManager, organizationId: string): Promise<boolean> {
    return this.check ? this.check(manager, organizationId) : Promise.resolve(false);
  }
}
