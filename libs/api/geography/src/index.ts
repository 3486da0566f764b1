export { GeographyModule } from './geography.module';
export { GeographyService } from './geography.service';
export { ProvinceEntity } from './province.entity';
export { RegionEntity } from './region.entity';
export { ProvinceObject } from './dtos/province.object';
export { RegionObject } from './dtos/region.object';
