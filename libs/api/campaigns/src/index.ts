export { CampaignModule } from './campaign.module';
export { CampaignService } from './campaign.service';
export { CampaignEntity } from './campaign.entity';
export { PolicyAskEntity } from './policy-ask.entity';
export { CampaignObject, PolicyAskObject } from './dtos/campaign.object';
