import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

@Injectable()
export class CampaignRepository {
  constructor(@InjectRepository(CampaignEntity) private readonly campaigns: Repository<CampaignEntity>) {}

  findDefault(): Promise<CampaignEntity | null> {
    return this.campaigns.findOne({ where: { isDefault: true }, relations: { policyAsks: true }, order: { policyAsks: { position: 'ASC' } } });
  }

  list(): Promise<CampaignEntity[]> {
    return this.campaigns.find({ relations: { policyAsks: true }, order: { startsOn: 'DESC', nameEn: 'ASC', policyAsks: { position: 'ASC' } } });
  }
}
