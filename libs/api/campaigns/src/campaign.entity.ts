import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus } from '@crm/contracts';
import { PolicyAskEntity } from './policy-ask.entity';

@Entity({ name: 'campaign' })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  slug: string;

  @Column('text', { name: 'name_en' })
  nameEn: string;

  @Column('text', { name: 'name_fr' })
  nameFr: string;

  @Column('text', { name: 'description_en', nullable: true })
  descriptionEn: string | null;

  @Column('text', { name: 'description_fr', nullable: true })
  descriptionFr: string | null;

  @Column('text', { default: 'active' })
  status: CampaignStatus;

  // Dates without time zone: a campaign day is a calendar day.
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault: boolean;

  @Column('int', { default: 1 })
  version: number;

  @OneToMany(() => PolicyAskEntity, (ask) => ask.campaign)
  policyAsks: PolicyAskEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
