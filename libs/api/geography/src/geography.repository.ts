import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProvinceEntity } from './province.entity';
import { RegionEntity } from './region.entity';

@Injectable()
export class GeographyRepository {
  constructor(
    @InjectRepository(ProvinceEntity) private readonly provinces: Repository<ProvinceEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  listProvinces(): Promise<ProvinceEntity[]> {
    return this.provinces.find({ order: { sortOrder: 'ASC' } });
  }

  listRegions(): Promise<RegionEntity[]> {
    return this.regions.find({ relations: { provinces: true }, order: { nameEn: 'ASC', provinces: { sortOrder: 'ASC' } } });
  }
}
