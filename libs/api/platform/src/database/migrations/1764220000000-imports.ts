import type { MigrationInterface, QueryRunner } from 'typeorm';

// CSV import of organizations and people (decision 050): an uploaded file is
// staged as one `import_batch` and its `import_row`s (the original cells), then
// validated (dry run) and applied by jobs. Each row records its fate and, once
// applied, the record it produced: that is what makes a re-run create nothing twice.
export class Imports1764220000000 implements MigrationInterface {
  name = 'Imports1764220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('people', 'organizations')),
        status text NOT NULL DEFAULT 'uploaded'
          CHECK (status IN ('uploaded', 'mapped', 'validating', 'validated', 'importing', 'imported', 'cancelled', 'failed')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        encoding text NOT NULL CHECK (length(encoding) <= 40),
        delimiter text NOT NULL CHECK (length(delimiter) = 1),
        headers jsonb NOT NULL CHECK (jsonb_typeof(headers) = 'array'),
        row_count integer NOT NULL CHECK (row_count >= 0),
        byte_count bigint NOT NULL CHECK (byte_count >= 0),
        mapping jsonb CHECK (mapping IS NULL OR jsonb_typeof(mapping) = 'array'),
        duplicate_policy text CHECK (duplicate_policy IN ('UPDATE', 'SKIP')),
        skip_invalid_rows boolean NOT NULL DEFAULT false,
        -- Dry run: rows looked at, and their fates.
        validated_rows integer NOT NULL DEFAULT 0,
        create_count integer NOT NULL DEFAULT 0,
        update_count integer NOT NULL DEFAULT 0,
        skip_count integer NOT NULL DEFAULT 0,
        error_count integer NOT NULL DEFAULT 0,
        -- Run: rows applied so far (created + updated + skipped + failed), and how.
        applied_rows integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        skipped_count integer NOT NULL DEFAULT 0,
        failed_count integer NOT NULL DEFAULT 0,
        last_error text CHECK (length(last_error) <= 1000),
        created_by_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        validated_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // Newest first, keyset: everyone's (ADMIN) and one user's own.
    await db.query(`CREATE INDEX import_batch_list_idx ON import_batch (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX import_batch_created_by_idx ON import_batch (created_by_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE import_row (
        batch_id uuid NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        row_number integer NOT NULL CHECK (row_number >= 1),
        line_number integer NOT NULL CHECK (line_number >= 1),
        cells jsonb NOT NULL CHECK (jsonb_typeof(cells) = 'array'),
        -- Dry run
        fate text CHECK (fate IN ('create', 'update', 'skip', 'error')),
        problems jsonb,
        input jsonb,
        match_id uuid,
        duplicate_of_row integer,
        -- Run: the record this row produced or changed, and when
        record_id uuid,
        applied text CHECK (applied IN ('created', 'updated', 'skipped', 'failed')),
        applied_at timestamptz,
        PRIMARY KEY (batch_id, row_number),
        CHECK ((applied IS NULL) = (applied_at IS NULL))
      )`);
    // Rows by fate (the dry run's pages, the problem summary). The run walks the primary key.
    await db.query(`CREATE INDEX import_row_fate_idx ON import_row (batch_id, fate, row_number)`);

    // Duplicate organizations are found by normalised name + city.
    await db.query(
      `CREATE INDEX organization_import_match_en_idx ON organization (f_search_norm(name_en), f_search_norm(coalesce(city, ''))) WHERE archived_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX organization_import_match_fr_idx ON organization (f_search_norm(name_fr), f_search_norm(coalesce(city, ''))) WHERE archived_at IS NULL`,
    );
    // Duplicate people are found by e-mail (GIN). With GIN's "fast update", new entries
    // wait in a pending list that every search reads whole against every key searched:
    // during an import of 100,000 people, looking up a chunk's 1,000 e-mails took 0.5 s
    // and growing, against 5 ms with the entries in the index itself. Inserts pay a little more.
    await db.query(`ALTER INDEX person_emails_idx SET (fastupdate = off)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX person_emails_idx RESET (fastupdate)`);
    await db.query(`DROP INDEX organization_import_match_fr_idx`);
    await db.query(`DROP INDEX organization_import_match_en_idx`);
    await db.query(`DROP TABLE import_row`);
    await db.query(`DROP TABLE import_batch`);
  }
}
