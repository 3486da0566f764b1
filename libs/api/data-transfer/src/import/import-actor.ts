import { Injectable } from '@nestjs/common';
import { defineAbilityFor, type Actor } from '@crm/authz';
import type { RequestContext } from '@crm/platform';
import { DataSource } from 'typeorm';

/**
 * Jobs act for the user who started the import, with that user's ability as it
 * is now (the same query as a session's: role, organization, the provinces of
 * their regions). A deactivated user's import does not run.
 */
@Injectable()
export class ImportActorLoader {
  constructor(private readonly dataSource: DataSource) {}

  async contextFor(userId: string, requestId: string): Promise<RequestContext | null> {
    const rows: (Actor & { language: 'en' | 'fr' })[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.organization_id AS "organizationId", u.preferred_language AS language,
              COALESCE((SELECT array_agg(DISTINCT rp.province_code::text ORDER BY rp.province_code::text)
                          FROM user_region ur JOIN region_province rp ON rp.region_id = ur.region_id
                         WHERE ur.user_id = u.id), '{}') AS "provinceCodes"
         FROM app_user u WHERE u.id = $1 AND u.active`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    const actor: Actor = { id: row.id, role: row.role, organizationId: row.organizationId, provinceCodes: row.provinceCodes };
    return { requestId, ip: 'worker', actor, ability: defineAbilityFor(actor), sessionId: null, language: row.language };
  }
}
