import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignMetrics } from './campaign-metrics';
import { CampaignEntity } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { CampaignResolver } from './campaign.resolver';
import { CampaignService } from './campaign.service';
import { PolicyAskEntity } from './policy-ask.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CampaignEntity, PolicyAskEntity])],
  providers: [CampaignRepository, CampaignService, CampaignResolver, CampaignMetrics],
  exports: [CampaignService, CampaignMetrics],
})
export class CampaignModule {}
