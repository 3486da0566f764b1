import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Province', { description: 'A Canadian province or territory' })
export class ProvinceObject {
  @Field({ description: 'Two-letter code, e.g. ON' })
  code: string;

  @Field()
  nameEn: string;

  @Field()
  nameFr: string;
}
