import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ProvinceObject } from './province.object';

@ObjectType('Region', { description: "A coordinator's territory: a set of provinces and territories" })
export class RegionObject {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  nameEn: string;

  @Field()
  nameFr: string;

  @Field(() => [ProvinceObject])
  provinces: ProvinceObject[];
}
