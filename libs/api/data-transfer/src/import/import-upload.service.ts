import { Injectable } from '@nestjs/common';
import { AuditService, BadUserInputException, ForbiddenException, UnauthenticatedException, type RequestContext } from '@crm/platform';
import { recognisesAnyHeader, TransferRegistry } from '@crm/records';
import { DataSource } from 'typeorm';
import { CsvFileError, readCsv, type CsvRow } from '../csv/csv-reader';
import { ImportBatchRepository } from './import-batch.repository';
import { mayImport } from './import-access';
import type { ImportKind } from './import-fields';

/** Rows staged per INSERT while the file streams in. */
const STAGING_CHUNK = 1000;
/** The largest file accepted. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;

export interface UploadMeta {
  kind: ImportKind;
  filename: string;
}

@Injectable()
export class ImportUploadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: ImportBatchRepository,
    private readonly audit: AuditService,
    private readonly registry: TransferRegistry,
  ) {}

  /**
   * Stages an uploaded CSV as an import batch and its rows, reading the upload as
   * it arrives (a chunk of rows per INSERT; the file is never held whole). One
   * transaction: a file refused half-way (bad quoting, mixed encodings, too
   * large) leaves nothing behind.
   */
  async upload(ctx: RequestContext, source: AsyncIterable<Buffer>, meta: UploadMeta, maxBytes = IMPORT_MAX_BYTES): Promise<string> {
    if (!ctx.actor) throw new UnauthenticatedException();
    const target = this.registry.importTarget(meta.kind);
    if (!target) throw new BadUserInputException([{ path: ['kind'], code: 'invalid' }], `Nothing named “${meta.kind}” can be imported`);
    if (!mayImport(ctx.ability, target)) throw new ForbiddenException();
    const actorId = ctx.actor.id;
    const file = await readCsv(source, { maxBytes });
    const fields = target.fields;
    if (!recognisesAnyHeader(fields, file.headers)) {
      await file.rows.return(undefined);
      const examples = fields
        .filter((f) => f.required || f.name === 'emails' || f.name === 'city')
        .map((f) => f.headers[0])
        .join(', ');
      const single = file.headers.length === 1 ? ' (no comma, semicolon or tab separates columns in the first line)' : '';
      throw new CsvFileError(
        'no_header',
        `This does not look like a CSV file of ${meta.kind}${single}: none of its column names is one we know, such as ${examples}`,
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const batchId = await this.batches.insertBatch(manager, { kind: meta.kind, filename: meta.filename, createdById: actorId });
      let chunk: CsvRow[] = [];
      let rowCount = 0;
      for await (const row of file.rows) {
        chunk.push(row);
        rowCount++;
        if (chunk.length === STAGING_CHUNK) {
          await this.batches.insertRows(manager, batchId, chunk);
          chunk = [];
        }
      }
      await this.batches.insertRows(manager, batchId, chunk);
      await this.batches.finishUpload(manager, batchId, {
        encoding: file.encoding(),
        delimiter: file.delimiter,
        headers: file.headers,
        rowCount,
        byteCount: file.bytes(),
      });
      await this.audit.record(manager, ctx, {
        action: 'import.upload',
        subjectType: 'ImportBatch',
        subjectId: batchId,
        before: null,
        after: { kind: meta.kind, rowCount, encoding: file.encoding(), bytes: file.bytes() },
      });
      return batchId;
    });
  }
}

/** A file name as given by the browser, made safe to store and show: base name, no control characters. */
export function safeFilename(name: string | undefined | null): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'upload.csv';
}
