import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType('Tag', { description: 'An entry of the tag vocabulary' })
export class TagObject {
  @Field() slug: string;
  @Field() labelEn: string;
  @Field() labelFr: string;
}

@InputType()
export class CreateTagInputType {
  @Field() slug: string;
  @Field() labelEn: string;
  @Field() labelFr: string;
}
