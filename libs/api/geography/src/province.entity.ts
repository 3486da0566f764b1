import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'province' })
export class ProvinceEntity {
  @PrimaryColumn('char', { length: 2 })
  code: string;

  @Column('text', { name: 'name_en' })
  nameEn: string;

  @Column('text', { name: 'name_fr' })
  nameFr: string;

  @Column('smallint', { name: 'sort_order' })
  sortOrder: number;
}
