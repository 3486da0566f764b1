import { Injectable } from '@nestjs/common';
import { encodeCursor, readCursor, SqlParams } from '@crm/platform';
import { DataSource } from 'typeorm';
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

  async find(id: string): Promise<MailMessageObject | null> {
    const rows: MailMessageObject[] = await this.dataSource.query(`SELECT ${columns} FROM mail_message WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }
}
