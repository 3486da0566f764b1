import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { LanguageEnum, RoleEnum } from './user.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType()
export class SignInInputType {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class ChangePasswordInputType {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@InputType()
export class RequestPasswordResetInputType {
  @Field() email: string;
}

@InputType()
export class ResetPasswordInputType {
  @Field() token: string;
  @Field() newPassword: string;
}

@InputType()
export class AcceptInvitationInputType {
  @Field() token: string;
  @Field({ nullable: true }) name?: string;
  @Field() newPassword: string;
}

@InputType()
export class UpdateMyPreferencesInputType {
  @Field(() => LanguageEnum, { nullable: true }) preferredLanguage?: LanguageEnum;
  @Field(() => String, { nullable: true, description: 'An IANA time zone (America/Vancouver); null: the office’s' }) timeZone?: string | null;
}

@InputType()
export class InviteUserInputType {
  @Field() email: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field(() => [ID], { nullable: true }) regionIds?: string[];
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => LanguageEnum, { nullable: true }) preferredLanguage?: LanguageEnum;
}

@InputType()
export class UpdateUserInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() name: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field(() => [ID], { nullable: true }) regionIds?: string[];
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
}

@InputType()
export class SetUserActiveInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() active: boolean;
}

@InputType()
export class UserFilterInputType {
  @Field({ nullable: true }) search?: string;
  @Field(() => RoleEnum, { nullable: true }) role?: RoleEnum;
  @Field({ nullable: true }) active?: boolean;
}
