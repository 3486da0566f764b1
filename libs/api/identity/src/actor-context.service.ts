import { Injectable } from '@nestjs/common';
import { defineAbilityFor, type Actor } from '@crm/authz';
import type { RequestContext } from '@crm/platform';
import { ActorRepository } from './actor.repository';

/**
 * Runs work as a user outside a request — a job acting for whoever caused it
 * (an import for its uploader, a digest for its coordinator). The context has
 * the user's ability as it is now, not as it was when the job was queued: a
 * deactivated user gets null, a demoted one their new rights. `requestId`
 * names the work in logs and audit entries (e.g. `import:<batch id>`).
 */
@Injectable()
export class ActorContextService {
  constructor(private readonly actors: ActorRepository) {}

  async contextFor(userId: string, requestId: string): Promise<RequestContext | null> {
    const row = await this.actors.findActive(userId);
    if (!row) return null;
    const actor: Actor = { id: row.id, role: row.role, organizationId: row.organizationId, provinceCodes: row.provinceCodes };
    return { requestId, ip: 'worker', actor, ability: defineAbilityFor(actor), sessionId: null, language: row.language };
  }
}
