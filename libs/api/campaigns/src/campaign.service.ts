import { Injectable } from '@nestjs/common';
import { NotFoundException } from '@crm/platform';
import { CampaignRepository } from './campaign.repository';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignObject } from './dtos/campaign.object';

export function toCampaignObject(entity: CampaignEntity): CampaignObject {
  return {
    id: entity.id,
    slug: entity.slug,
    nameEn: entity.nameEn,
    nameFr: entity.nameFr,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    isDefault: entity.isDefault,
    policyAsks: [...(entity.policyAsks ?? [])]
      .sort((a, b) => a.position - b.position)
      .map(({ id, position, titleEn, titleFr }) => ({ id, position, titleEn, titleFr })),
  };
}

@Injectable()
export class CampaignService {
  constructor(private readonly repository: CampaignRepository) {}

  async defaultCampaign(): Promise<CampaignObject> {
    const campaign = await this.repository.findDefault();
    if (!campaign) throw new NotFoundException('Default campaign');
    return toCampaignObject(campaign);
  }

  async list(): Promise<CampaignObject[]> {
    return (await this.repository.list()).map(toCampaignObject);
  }
}
