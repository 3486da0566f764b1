import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@crm/platform';
import { CampaignService } from './campaign.service';
import { CampaignObject } from './dtos/campaign.object';

@Resolver(() => CampaignObject)
export class CampaignResolver {
  constructor(private readonly campaignService: CampaignService) {}

  @Allow('read', 'Campaign')
  @Query(() => CampaignObject, { description: 'The campaign staff work on unless they pick another' })
  defaultCampaign(): Promise<CampaignObject> {
    return this.campaignService.defaultCampaign();
  }

  @Allow('read', 'Campaign')
  @Query(() => [CampaignObject])
  campaigns(): Promise<CampaignObject[]> {
    return this.campaignService.list();
  }
}
