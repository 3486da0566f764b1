import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The vocabularies an import reads cells against (provinces, tags). Records are
 * read and written through the records libraries' bulk repositories
 * (PersonBulkRepository, OrganizationBulkRepository).
 */
@Injectable()
export class ImportRecordsRepository {
  async provinces(manager: EntityManager): Promise<{ code: string; nameEn: string; nameFr: string }[]> {
    return manager.query(`SELECT code, name_en AS "nameEn", name_fr AS "nameFr" FROM province ORDER BY sort_order`);
  }

  async tags(manager: EntityManager): Promise<{ slug: string; labelEn: string; labelFr: string }[]> {
    return manager.query(`SELECT slug, label_en AS "labelEn", label_fr AS "labelFr" FROM tag`);
  }
}
