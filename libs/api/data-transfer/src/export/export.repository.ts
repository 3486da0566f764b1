import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationFilter, PersonFilter } from '@crm/contracts';
import { organizationScopeColumns } from '@crm/organizations';
import { SqlParams } from '@crm/platform';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { organizationListOrder, organizationListWhere, personListOrder, personListWhere } from './list-filter.adapter';

export interface ExportQuery {
  sql: string;
  params: unknown[];
}

/** Rows fetched from the server cursor at a time: memory stays flat whatever the export's size. */
const BATCH_SIZE = 200;

@Injectable()
export class ExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The people list with its filter and the caller's `export` scope, in list order; affiliations to organizations the caller may read. */
  peopleQuery(ability: AppAbility, action: Action, filter: PersonFilter, lang: 'en' | 'fr'): ExportQuery {
    const params = new SqlParams();
    const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const { where, with: cte } = personListWhere(params, ability, action, filter);
    const name = lang === 'fr' ? 'o.name_fr' : 'o.name_en';
    return {
      sql: `${cte}SELECT p.id, p.first_name, p.last_name, p.preferred_language, p.emails, p.phones, p.leader_category, p.province_code, p.city,
                   p.owner_id, p.created_by_id, ow.email AS owner_email, p.engagement_stage, p.consent_email, p.consent_phone,
                   p.do_not_contact, p.lived_experience, p.tags, p.notes, p.created_at, p.updated_at,
                   (SELECT string_agg(${name} || coalesce(' (' || a.title || ')', ''), '; ' ORDER BY f_search_norm(${name}), o.id)
                      FROM affiliation a JOIN organization o ON o.id = a.organization_id
                     WHERE a.person_id = p.id AND ${orgScope}) AS organizations
              FROM person p LEFT JOIN app_user ow ON ow.id = p.owner_id
             WHERE ${where.join(' AND ')}
             ORDER BY ${personListOrder(filter.sort)}`,
      params: params.values,
    };
  }

  organizationsQuery(ability: AppAbility, action: Action, filter: OrganizationFilter): ExportQuery {
    const params = new SqlParams();
    const where = organizationListWhere(params, ability, action, filter);
    return {
      sql: `SELECT o.id, o.name_en, o.name_fr, o.kind, o.membership, to_char(o.membership_since, 'YYYY-MM-DD') AS membership_since,
                   o.province_code, o.city, o.postal_code, o.email, o.phone, o.website, o.tags, o.notes, o.owner_id, o.created_by_id,
                   ow.email AS owner_email, o.created_at, o.updated_at
              FROM organization o LEFT JOIN app_user ow ON ow.id = o.owner_id
             WHERE ${where.join(' AND ')}
             ORDER BY ${organizationListOrder(filter.sort)}`,
      params: params.values,
    };
  }

  /**
   * Rows of `query` from a server-side cursor on a connection of its own. Ending
   * early (client gone) closes the cursor and discards the connection.
   */
  async *stream<R>(query: ExportQuery): AsyncGenerator<R> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    const rows = client.query(new QueryStream(query.sql, query.params, { batchSize: BATCH_SIZE, highWaterMark: BATCH_SIZE }));
    let finished = false;
    try {
      for await (const row of rows) yield row as R;
      finished = true;
    } finally {
      if (!finished) rows.destroy();
      // A connection left mid-cursor is not reused.
      client.release(finished ? undefined : true);
    }
  }
}
