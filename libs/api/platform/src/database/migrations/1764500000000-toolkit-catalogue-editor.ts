import type { MigrationInterface, QueryRunner } from 'typeorm';

// The catalogue editor (issue 13, decision 091): a material has a description in each
// language, and an edition may be printed in both languages (a bilingual button).
export class ToolkitCatalogueEditor1764500000000 implements MigrationInterface {
  name = 'ToolkitCatalogueEditor1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE toolkit_item
        ADD COLUMN description_en text CHECK (length(description_en) BETWEEN 1 AND 1000),
        ADD COLUMN description_fr text CHECK (length(description_fr) BETWEEN 1 AND 1000)`);
    await db.query(`ALTER TABLE toolkit_item DROP CONSTRAINT toolkit_item_language_check`);
    await db.query(`ALTER TABLE toolkit_item ALTER COLUMN language TYPE text`);
    await db.query(`ALTER TABLE toolkit_item ADD CONSTRAINT toolkit_item_language_check CHECK (language IN ('en', 'fr', 'bilingual'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE toolkit_item SET language = 'en' WHERE language = 'bilingual'`);
    await db.query(`ALTER TABLE toolkit_item DROP CONSTRAINT toolkit_item_language_check`);
    await db.query(`ALTER TABLE toolkit_item ALTER COLUMN language TYPE char(2)`);
    await db.query(`ALTER TABLE toolkit_item ADD CONSTRAINT toolkit_item_language_check CHECK (language IN ('en', 'fr'))`);
    await db.query(`ALTER TABLE toolkit_item DROP COLUMN description_en, DROP COLUMN description_fr`);
  }
}
