import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RoleEnum } from './user.object';

@ObjectType('OwnerOption', { description: 'An account that may look after records (no contact details)' })
export class OwnerOptionObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: RoleEnum;
}
