export { CampaignModule } from './campaign.module';
export { CampaignService } from './campaign.service';
export { CampaignMetrics, type CountedCampaign, type MetricCounter } from './campaign-metrics';
export { CampaignEntity } from './campaign.entity';
export { PolicyAskEntity } from './policy-ask.entity';
export { CampaignObject, PolicyAskObject, CampaignGoalObject } from './dtos/campaign.object';
