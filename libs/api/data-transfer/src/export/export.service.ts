import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { canReadField, type AppAbility } from '@crm/authz';
import type { OrganizationFilter, PersonFilter } from '@crm/contracts';
import { officeTimeZone } from '@crm/i18n';
import { AuditService, ForbiddenException, UnauthenticatedException, type RequestContext } from '@crm/platform';
import { DataSource } from 'typeorm';
import { csvLine, UTF8_BOM } from '../csv/csv-writer';
import {
  organizationExportColumns,
  personExportColumns,
  type ExportColumn,
  type Lang,
  type OrganizationExportRow,
  type PersonExportRow,
} from './export-columns';
import { ExportRepository, type ExportQuery } from './export.repository';

/** Text is sent in pieces of about this size (fewer, larger writes; still small). */
const FLUSH_CHARS = 16 * 1024;

export interface CsvDownload {
  filename: string;
  body: Readable;
}

@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportRepository,
    private readonly audit: AuditService,
  ) {}

  /** The people list as CSV: the list's filter, the caller's `export` scope, streamed from a cursor. */
  people(ctx: RequestContext, filter: PersonFilter, lang: Lang): CsvDownload {
    this.assertMayExport(ctx, 'Person');
    const query = this.exports.peopleQuery(ctx.ability, 'export', filter, lang);
    const shape = personRowShaper(ctx.ability);
    return { filename: `people-${officeDate()}.csv`, body: this.csv(ctx, 'person.export', 'Person', query, personExportColumns, lang, filter, shape) };
  }

  organizations(ctx: RequestContext, filter: OrganizationFilter, lang: Lang): CsvDownload {
    this.assertMayExport(ctx, 'Organization');
    const query = this.exports.organizationsQuery(ctx.ability, 'export', filter);
    const owners = ownerEmailShaper(ctx.ability);
    const shape = (row: OrganizationExportRow): OrganizationExportRow => {
      row.owner_email = owners(row.owner_id, row.owner_email);
      return row;
    };
    return {
      filename: `organizations-${officeDate()}.csv`,
      body: this.csv(ctx, 'organization.export', 'Organization', query, organizationExportColumns, lang, filter, shape),
    };
  }

  private assertMayExport(ctx: RequestContext, subject: 'Person' | 'Organization'): void {
    if (!ctx.actor) throw new UnauthenticatedException();
    if (!ctx.ability.can('export', subject)) throw new ForbiddenException();
  }

  /**
   * BOM, header, one CRLF line per row as the cursor yields it; one audit entry
   * when the stream ends (finished or not) with the filter and the row count —
   * never the rows' values.
   */
  private csv<R extends PersonExportRow | OrganizationExportRow>(
    ctx: RequestContext,
    action: string,
    subjectType: string,
    query: ExportQuery,
    columns: ExportColumn<R>[],
    lang: Lang,
    filter: object,
    shape: (row: R) => R,
  ): Readable {
    const rows = this.exports.stream<R>(query);
    const audit = (rowCount: number, completed: boolean) =>
      this.audit.record(this.dataSource.manager, ctx, {
        action,
        subjectType,
        subjectId: null,
        before: null,
        after: { filter: auditFilter(filter), rowCount, completed, language: lang },
      });
    async function* lines(): AsyncGenerator<Buffer> {
      let count = 0;
      let completed = false;
      try {
        let text = UTF8_BOM + csvLine(columns.map((c) => c[lang]));
        for await (const row of rows) {
          const shaped = shape(row);
          text += csvLine(columns.map((c) => c.cell(shaped, lang)));
          count++;
          if (text.length >= FLUSH_CHARS) {
            yield Buffer.from(text, 'utf8');
            text = '';
          }
        }
        if (text) yield Buffer.from(text, 'utf8');
        completed = true;
      } finally {
        await rows.return(undefined);
        await audit(count, completed);
      }
    }
    return Readable.from(lines(), { objectMode: false });
  }
}

/** Filters in the audit log: ids and codes as given; free text (it may be a name) masked. */
function auditFilter(filter: object): Record<string, unknown> {
  const { search, ...rest } = filter as Record<string, unknown>;
  return search === undefined ? rest : { ...rest, search: '•••' };
}

/** Field rules applied per row: lived experience where the caller may export it, owners' e-mails where they may read them. */
function personRowShaper(ability: AppAbility): (row: PersonExportRow) => PersonExportRow {
  const owners = ownerEmailShaper(ability);
  // Rows come fresh from the cursor and are used once: changed in place, no copy per row.
  return (row) => {
    if (
      !canReadField(ability, 'export', 'Person', 'livedExperience', { provinceCode: row.province_code, ownerId: row.owner_id, createdById: row.created_by_id })
    ) {
      row.lived_experience = null;
    }
    row.owner_email = owners(row.owner_id, row.owner_email);
    return row;
  };
}

/** A user's e-mail is personal: shown only if the caller may read it (ADMIN; anyone for their own account). */
function ownerEmailShaper(ability: AppAbility): (ownerId: string | null, email: string | null) => string | null {
  const allowed = new Map<string, boolean>();
  return (ownerId, email) => {
    if (!ownerId || !email) return null;
    if (!allowed.has(ownerId)) allowed.set(ownerId, canReadField(ability, 'read', 'User', 'email', { id: ownerId }));
    return allowed.get(ownerId) ? email : null;
  };
}

/** Today in the national office's time zone, as YYYY-MM-DD. */
function officeDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
