import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoObject } from '@crm/platform';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  COORDINATOR = 'COORDINATOR',
  MEMBER = 'MEMBER',
  FUNDER = 'FUNDER',
}
registerEnumType(RoleEnum, { name: 'Role' });

export enum LanguageEnum {
  en = 'en',
  fr = 'fr',
}
registerEnumType(LanguageEnum, { name: 'Language' });

@ObjectType('User', { description: 'A staff, coordinator, member or funder account' })
export class UserObject {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => RoleEnum)
  role: RoleEnum;

  @Field(() => [ID], { description: "A coordinator's regions" })
  regionIds: string[];

  @Field(() => ID, { nullable: true, description: "A member contact's organization" })
  organizationId: string | null;

  @Field(() => LanguageEnum)
  preferredLanguage: LanguageEnum;

  @Field(() => String, { nullable: true, description: 'Their own IANA time zone; null: the office’s (DIGEST_TIME_ZONE)' })
  timeZone: string | null;

  @Field()
  active: boolean;

  @Field({ description: 'Invited and has not yet chosen a password' })
  invitationPending: boolean;

  @Field(() => Date, { nullable: true })
  lastSignInAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('UserConnection')
export class UserConnection {
  @Field(() => [UserObject])
  nodes: UserObject[];

  @Field(() => PageInfoObject)
  pageInfo: PageInfoObject;
}

@ObjectType('SignInResult')
export class SignInResultObject {
  @Field({ description: 'Bearer token for the Authorization header; keep it secret' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserObject)
  user: UserObject;
}

@ObjectType('InvitationPreview', { description: 'Whom an invitation link is for, so the page can greet them before they choose a password' })
export class InvitationPreviewObject {
  @Field()
  name: string;

  @Field()
  email: string;

  @Field(() => RoleEnum)
  role: RoleEnum;

  @Field()
  expiresAt: Date;
}
