import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

@Entity({ name: 'policy_ask' })
export class PolicyAskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @ManyToOne(() => CampaignEntity, (campaign) => campaign.policyAsks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign: Relation<CampaignEntity>;

  @Column('smallint')
  position: number;

  @Column('text', { name: 'title_en' })
  titleEn: string;

  @Column('text', { name: 'title_fr' })
  titleFr: string;
}
