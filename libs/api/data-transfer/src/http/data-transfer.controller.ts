import type { Readable } from 'node:stream';
import { Controller, Get, Logger, Post, Req, Res } from '@nestjs/common';
import Busboy from '@fastify/busboy';
import { Id } from '@crm/contracts';
import { Authenticated, HttpCtx, parseInput, type RequestContext } from '@crm/platform';
import type { TransferLang } from '@crm/records';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExportLanguage, ImportKindValue } from '../contracts/data-transfer.contracts';
import { CsvFileError } from '../csv/csv-reader';
import { ExportService, type Download } from '../export/export.service';
import { IMPORT_MAX_BYTES, ImportUploadService, safeFilename } from '../import/import-upload.service';
import { ImportService } from '../import/import.service';
import { RejectedRowsService } from '../import/rejected-rows.service';
import { sendError } from './http-errors';
import { filterFromQuery } from './query-filter';

type Query = Record<string, string | string[] | undefined>;

/**
 * CSV over plain HTTP (files do not fit GraphQL): exports of every registered list,
 * the upload of an import, and its rejected rows. Each route declares its access
 * (AccessGuard builds the caller's context from the bearer token, as for GraphQL);
 * what the route touches is then checked against the ability like any operation.
 */
@Controller()
export class DataTransferController {
  private readonly logger = new Logger(DataTransferController.name);

  constructor(
    private readonly exports: ExportService,
    private readonly uploads: ImportUploadService,
    private readonly imports: ImportService,
    private readonly rejected: RejectedRowsService,
  ) {}

  /**
   * `GET /export/<list>.csv|.xlsx?<the list's filter>&lang=`: any list a domain
   * registered, as CSV or Excel; `export` on its subject.
   */
  @Authenticated()
  @Get('export/:file')
  async exportList(@HttpCtx() ctx: RequestContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.handle(reply, async () => {
      const file = /^(.+)\.(csv|xlsx)$/.exec((request.params as { file?: string }).file ?? '');
      const list = this.exports.list(file?.[1] ?? '');
      const format = file?.[2] === 'xlsx' ? 'xlsx' : 'csv';
      this.exports.assertMayExport(ctx, list);
      const query = request.query as Query;
      const download = this.exports.download(ctx, list, filterFromQuery(list.filter, query, ['lang']), language(ctx, query), format);
      return this.sendFile(reply, download);
    });
  }

  /**
   * `POST /imports?kind=people|organizations`: the file as the raw body (`text/csv`,
   * `?filename=` naming it) or as the `file` field of a multipart form (a `kind`
   * field may come before it). Streamed into staging; answers the new batch.
   */
  @Authenticated()
  @Post('imports')
  async upload(@HttpCtx() ctx: RequestContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.handle(reply, async () => {
      const query = request.query as Query;
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') throw new CsvFileError('empty', 'The file is empty');
      let source: AsyncIterable<Buffer> = body;
      let filename = typeof query.filename === 'string' ? query.filename : undefined;
      let kindText = query.kind;
      if (String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        const part = await multipartFile(request, body, IMPORT_MAX_BYTES);
        source = part.file;
        filename = part.filename ?? filename;
        kindText ??= part.fields.kind;
      }
      const kind = parseInput(ImportKindValue, kindText, ['kind']);
      const batchId = await this.uploads.upload(ctx, source, { kind, filename: safeFilename(filename) });
      const batch = await this.imports.get(ctx, batchId);
      const { id, status, encoding, delimiter, headers, rowCount } = batch;
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ importBatch: { id, kind: batch.kind, status, filename: batch.filename, encoding, delimiter, headers, rowCount } });
    });
  }

  /** The rows an import refused, as the user uploaded them plus a reason: the batch's owner only. */
  @Authenticated()
  @Get('imports/:id/rejected.csv')
  async rejectedRows(@HttpCtx() ctx: RequestContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.handle(reply, async () => {
      const id = parseInput(Id, (request.params as { id?: string }).id, ['id']);
      const download = await this.rejected.csv(ctx, id, language(ctx, request.query as Query));
      return this.sendFile(reply, { ...download, contentType: 'text/csv; charset=utf-8' });
    });
  }

  private sendFile(reply: FastifyReply, download: Download): FastifyReply {
    return reply
      .header('content-type', download.contentType)
      .header('content-disposition', attachment(download.filename))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(download.body);
  }

  private async handle(reply: FastifyReply, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      sendError(reply, error, this.logger);
    }
  }
}

/**
 * `attachment` with the file's name; a name with accents (`récits-…`) also as RFC 6266's
 * `filename*`, which every current browser reads, after an ASCII fallback.
 */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return ascii === filename ? `attachment; filename="${ascii}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function language(ctx: RequestContext, query: Query): TransferLang {
  return query.lang === undefined ? ctx.language : parseInput(ExportLanguage, query.lang, ['lang']);
}

/** The first file of a multipart upload, streamed (busboy reads the parts as they arrive). */
function multipartFile(
  request: FastifyRequest,
  body: Readable,
  maxBytes: number,
): Promise<{ file: Readable; filename: string | undefined; fields: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const parser = Busboy({
      headers: request.headers as Record<string, string> & { 'content-type': string },
      limits: { files: 1, fields: 10, fieldSize: 1000, fileSize: maxBytes + 1 },
    });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, file, filename) => {
      // A client that goes away mid-upload ends the file with an error, not a silent end.
      body.once('error', (error) => file.destroy(error));
      body.once('aborted', () => file.destroy(new Error('upload aborted')));
      resolve({ file, filename: filename || undefined, fields });
    });
    parser.on('finish', () => reject(new CsvFileError('empty', 'The upload has no file: send the CSV as the "file" field of the form')));
    parser.on('error', (error) => reject(error instanceof Error ? new CsvFileError('malformed', `The upload is not a valid form: ${error.message}`) : error));
    body.pipe(parser);
  });
}
