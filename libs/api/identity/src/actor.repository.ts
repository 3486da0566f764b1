import { Injectable } from '@nestjs/common';
import type { Actor } from '@crm/authz';
import { DataSource } from 'typeorm';

export interface ActorRow extends Actor {
  language: 'en' | 'fr';
}

@Injectable()
export class ActorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** An active user as an actor: role, organization, the provinces of their regions (as a session reads them), and their language. */
  async findActive(userId: string): Promise<ActorRow | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.organization_id AS "organizationId", u.preferred_language AS language,
              COALESCE((SELECT array_agg(DISTINCT rp.province_code::text ORDER BY rp.province_code::text)
                          FROM user_region ur JOIN region_province rp ON rp.region_id = ur.region_id
                         WHERE ur.user_id = u.id), '{}') AS "provinceCodes"
         FROM app_user u WHERE u.id = $1 AND u.active`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
