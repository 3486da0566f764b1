import type { MigrationInterface, QueryRunner } from 'typeorm';

// Search by words (decision 051). A term is matched against a small dictionary of
// the distinct normalised words of names (`search_word`, trigram-indexed) and
// becomes the few real words it contains or is close to; records are then found
// by those words: a GIN index over each record's words, and, for people, two
// btree indexes that give the people of one first or last name in list order,
// so a page of a common name costs a page of index, not every namesake.
export class SearchWords1764230000000 implements MigrationInterface {
  name = 'SearchWords1764230000000';

  async up(db: QueryRunner): Promise<void> {
    // The words of a normalised text (f_search_norm): split on spaces and punctuation.
    await db.query(`
      CREATE FUNCTION f_search_words(text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $fn$ SELECT array_remove(regexp_split_to_array($1, '[[:space:][:punct:]]+'), '') $fn$`);
    // A name whose first and last names are one word each (or no last name): its words
    // are exactly f_search_norm(first_name) and f_search_norm(last_name). Schema-qualified:
    // PostgreSQL 17+ builds and maintains indexes with search_path = pg_catalog, pg_temp.
    await db.query(`
      CREATE FUNCTION f_search_simple_name(first_name text, last_name text) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $fn$ SELECT public.f_search_norm(first_name) ~ '^[^[:space:][:punct:]]+$' AND public.f_search_norm(last_name) ~ '^[^[:space:][:punct:]]*$' $fn$`);

    await db.query(`
      CREATE TABLE search_word (
        kind text NOT NULL CHECK (kind IN ('person', 'organization')),
        word text NOT NULL CHECK (word <> ''),
        PRIMARY KEY (kind, word)
      )`);
    await db.query(`CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`);

    // New words join the dictionary in the statement that brings them, once per
    // statement (an import's 1,000-row INSERT adds its new words in one go). A word
    // already there costs one probe; words no record uses any more stay (harmless:
    // they match nothing) until pruned (decision 051).
    await db.query(`
      CREATE FUNCTION search_word_collect() RETURNS trigger
      LANGUAGE plpgsql
      AS $fn$
      BEGIN
        INSERT INTO public.search_word (kind, word)
        SELECT DISTINCT TG_ARGV[0], w FROM new_rows n, unnest(public.f_search_words(n.search_text)) AS w
         WHERE NOT EXISTS (SELECT 1 FROM public.search_word s WHERE s.kind = TG_ARGV[0] AND s.word = w)
        ORDER BY 2 -- every writer takes new words' keys in the same order: no deadlock between two
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $fn$`);
    for (const table of ['person', 'organization']) {
      // A trigger with transition tables fires for one event only: one for INSERT, one for UPDATE.
      for (const event of ['insert', 'update']) {
        await db.query(
          `CREATE TRIGGER ${table}_search_word_${event} AFTER ${event.toUpperCase()} ON ${table}
           REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_word_collect('${table}')`,
        );
      }
    }
    // The words already there, after the triggers exist: a record written meanwhile brings
    // its own words, none falls between the backfill's snapshot and the triggers.
    await db.query(
      `INSERT INTO search_word (kind, word) SELECT DISTINCT 'person', w FROM person, unnest(f_search_words(search_text)) AS w ON CONFLICT DO NOTHING`,
    );
    await db.query(
      `INSERT INTO search_word (kind, word) SELECT DISTINCT 'organization', w FROM organization, unnest(f_search_words(search_text)) AS w ON CONFLICT DO ` +
        `NOTHING`,
    );

    // Records by word (any number of terms: the index intersects them).
    await db.query(`CREATE INDEX person_search_words_idx ON person USING gin (f_search_words(search_text))`);
    // People whose names are not one word each, by word: the only ones the name indexes cannot find.
    await db.query(
      `CREATE INDEX person_compound_words_idx ON person USING gin (f_search_words(search_text)) WHERE NOT f_search_simple_name(first_name, last_name)`,
    );
    // People of one first name in list order (the list index serves one last name).
    await db.query(`CREATE INDEX person_first_name_idx ON person (f_search_norm(first_name), f_search_norm(last_name), id)`);
    await db.query(`CREATE INDEX organization_search_words_idx ON organization USING gin (f_search_words(search_text))`);
    // Substrings are now found in the dictionary: the trigram indexes over whole names go.
    await db.query(`DROP INDEX person_search_idx`);
    await db.query(`DROP INDEX organization_search_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX organization_search_idx ON organization USING gin (search_text gin_trgm_ops)`);
    await db.query(`CREATE INDEX person_search_idx ON person USING gin (search_text gin_trgm_ops)`);
    await db.query(`DROP INDEX organization_search_words_idx`);
    await db.query(`DROP INDEX person_first_name_idx`);
    await db.query(`DROP INDEX person_compound_words_idx`);
    await db.query(`DROP INDEX person_search_words_idx`);
    for (const table of ['person', 'organization']) {
      for (const event of ['insert', 'update']) await db.query(`DROP TRIGGER ${table}_search_word_${event} ON ${table}`);
    }
    await db.query(`DROP FUNCTION search_word_collect()`);
    await db.query(`DROP TABLE search_word`);
    await db.query(`DROP FUNCTION f_search_simple_name(text, text)`);
    await db.query(`DROP FUNCTION f_search_words(text)`);
  }
}
