import { Injectable } from '@nestjs/common';
import { GeographyRepository } from './geography.repository';
import type { ProvinceObject } from './dtos/province.object';
import type { RegionObject } from './dtos/region.object';

@Injectable()
export class GeographyService {
  constructor(private readonly repository: GeographyRepository) {}

  async provinces(): Promise<ProvinceObject[]> {
    const rows = await this.repository.listProvinces();
    return rows.map(({ code, nameEn, nameFr }) => ({ code, nameEn, nameFr }));
  }

  async regions(): Promise<RegionObject[]> {
    const rows = await this.repository.listRegions();
    return rows.map((region) => ({
      id: region.id,
      code: region.code,
      nameEn: region.nameEn,
      nameFr: region.nameFr,
      provinces: region.provinces.map(({ code, nameEn, nameFr }) => ({ code, nameEn, nameFr })),
    }));
  }
}
