import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeographyRepository } from './geography.repository';
import { GeographyResolver } from './geography.resolver';
import { GeographyService } from './geography.service';
import { ProvinceEntity } from './province.entity';
import { RegionEntity } from './region.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ProvinceEntity, RegionEntity])],
  providers: [GeographyRepository, GeographyService, GeographyResolver],
  exports: [GeographyService],
})
export class GeographyModule {}
