import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@crm/platform';
import { ProvinceObject } from './dtos/province.object';
import { RegionObject } from './dtos/region.object';
import { GeographyService } from './geography.service';

// Reference data: public names of provinces and regions, no personal data.
@Resolver()
export class GeographyResolver {
  constructor(private readonly geography: GeographyService) {}

  @Allow('read', 'Region')
  @Query(() => [ProvinceObject], { description: 'The 13 provinces and territories, in display order' })
  provinces(): Promise<ProvinceObject[]> {
    return this.geography.provinces();
  }

  @Allow('read', 'Region')
  @Query(() => [RegionObject])
  regions(): Promise<RegionObject[]> {
    return this.geography.regions();
  }
}
