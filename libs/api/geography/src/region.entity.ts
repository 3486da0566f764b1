import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProvinceEntity } from './province.entity';

@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  code: string;

  @Column('text', { name: 'name_en' })
  nameEn: string;

  @Column('text', { name: 'name_fr' })
  nameFr: string;

  @ManyToMany(() => ProvinceEntity)
  @JoinTable({ name: 'region_province', joinColumn: { name: 'region_id' }, inverseJoinColumn: { name: 'province_code' } })
  provinces: ProvinceEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
