import { Injectable } from '@nestjs/common';
import { encodeCursor, readCursor, SqlParams } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { MailMessageObject } from './dtos/mail-message.object';

const columns = `id, template, language, to_address AS "toAddress", subject, body_text AS "bodyText", body_html AS "bodyHtml",
  status, created_at AS "createdAt", delivered_at AS "deliveredAt"`;

/** Outgoing messages as ADMIN reads them (SQL of the mail log; writes go through MailService). */
@Injectable()
export class MailMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; the cursor is (created at, id). */
  async list(first: number, after: string | null | undefined) {
    const cursor = readCursor(after, ['timestamp', 'uuid'] as const);
    const params = new SqlParams();
    const keyset = cursor ? `WHERE (created_at, id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)` : '';
    const rows: MailMessageObject[] = await this.dataSource.query(
      `SELECT ${columns} FROM mail_message ${keyset} ORDER BY created_at DESC, id DESC LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const nodes = rows.slice(0, first);
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null } };
  }

  /**
   * Privacy erasure: forgets to whom and what was written about these records (address,
   * subject, text), in the caller's transaction. Messages queued before they named their
   * record are found by template and address. The rows stay (status, dates) for the log's counts.
   */
  async eraseAbout(manager: EntityManager, about: { recordType: string; recordIds: string[]; templates: string[]; addresses: string[] }): Promise<number> {
    if (about.recordIds.length === 0) return 0;
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE mail_message SET to_address = '', subject = '', body_text = '', body_html = '', attachments = NULL, last_error = NULL, erased_at = now()
        WHERE erased_at IS NULL
          AND ((record_type = $1 AND record_id = ANY($2::uuid[]))
            OR (record_id IS NULL AND template = ANY($3::text[]) AND lower(to_address) = ANY($4::text[])))
        RETURNING id`,
      [about.recordType, about.recordIds, about.templates, about.addresses.map((address) => address.toLowerCase())],
    );
    return rows.length;
  }

  async find(id: string): Promise<MailMessageObject | null> {
    const rows: MailMessageObject[] = await this.dataSource.query(`SELECT ${columns} FROM mail_message WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
