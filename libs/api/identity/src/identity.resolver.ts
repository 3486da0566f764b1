import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  AcceptInvitationInput,
  Id,
  ChangePasswordInput,
  InviteUserInput,
  PageArgs,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SetUserActiveInput,
  SignInInput,
  UpdateMyPreferencesInput,
  UpdateUserInput,
  UserFilter,
} from '@crm/contracts';
import { Allow, Authenticated, Ctx, parseInput, Public, type RequestContext } from '@crm/platform';
import { AuthService } from './auth.service';
import {
  AcceptInvitationInputType,
  ChangePasswordInputType,
  InviteUserInputType,
  RequestPasswordResetInputType,
  ResetPasswordInputType,
  SetUserActiveInputType,
  SignInInputType,
  UpdateMyPreferencesInputType,
  UpdateUserInputType,
  UserFilterInputType,
} from './dtos/identity.inputs';
import { InvitationPreviewObject, SignInResultObject, UserConnection, UserObject } from './dtos/user.object';
import { UserAdminService } from './user-admin.service';
import type { UserRow } from './user.row';

const toObject = (row: UserRow) => row as unknown as UserObject;

@Resolver(() => UserObject)
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: UserAdminService,
  ) {}

  @Public('signing in is how a session starts')
  @Mutation(() => SignInResultObject)
  async signIn(@Ctx() ctx: RequestContext, @Args('input') input: SignInInputType): Promise<SignInResultObject> {
    const result = await this.auth.signIn(ctx, parseInput(SignInInput, input));
    return { ...result, user: toObject(result.user) };
  }

  @Authenticated()
  @Mutation(() => Boolean)
  signOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.auth.signOut(ctx);
  }

  @Authenticated()
  @Query(() => UserObject, { description: 'The signed-in user' })
  async me(@Ctx() ctx: RequestContext): Promise<UserObject> {
    return toObject(await this.admin.me(ctx));
  }

  @Authenticated()
  @Mutation(() => Boolean)
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInputType): Promise<boolean> {
    return this.auth.changePassword(ctx, parseInput(ChangePasswordInput, input));
  }

  @Authenticated()
  @Mutation(() => UserObject)
  async updateMyPreferences(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMyPreferencesInputType): Promise<UserObject> {
    return toObject(await this.admin.updateMyPreferences(ctx, parseInput(UpdateMyPreferencesInput, input)));
  }

  @Public('people who forgot their password are not signed in; the answer never says whether the account exists')
  @Mutation(() => Boolean)
  requestPasswordReset(@Ctx() ctx: RequestContext, @Args('input') input: RequestPasswordResetInputType): Promise<boolean> {
    return this.auth.requestPasswordReset(ctx, parseInput(RequestPasswordResetInput, input));
  }

  @Public('the one-time link from the e-mail is the credential')
  @Mutation(() => Boolean)
  resetPassword(@Ctx() ctx: RequestContext, @Args('input') input: ResetPasswordInputType): Promise<boolean> {
    return this.auth.resetPassword(ctx, parseInput(ResetPasswordInput, input));
  }

  @Public('the one-time invitation link is the credential; reading it does not use it')
  @Query(() => InvitationPreviewObject, { description: 'Whom an invitation link is for (BAD_USER_INPUT when it has expired or was used)' })
  async invitation(@Args('token') token: string): Promise<InvitationPreviewObject> {
    const { token: checked } = parseInput(AcceptInvitationInput.pick({ token: true }), { token }, []);
    return (await this.auth.previewInvitation(checked)) as InvitationPreviewObject;
  }

  @Public('the one-time invitation link is the credential')
  @Mutation(() => SignInResultObject)
  async acceptInvitation(@Ctx() ctx: RequestContext, @Args('input') input: AcceptInvitationInputType): Promise<SignInResultObject> {
    const result = await this.auth.acceptInvitation(ctx, parseInput(AcceptInvitationInput, input));
    return { ...result, user: toObject(result.user) };
  }

  @Allow('manage', 'User')
  @Query(() => UserConnection)
  async users(
    @Args('filter', { nullable: true }) filter: UserFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<UserConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.admin.list(parseInput(UserFilter, filter ?? {}, ['filter']), page.first, page.after);
    return { nodes: result.rows.map(toObject), pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('manage', 'User')
  @Query(() => UserObject)
  async user(@Args('id', { type: () => ID }) id: string): Promise<UserObject> {
    return toObject(await this.admin.get(parseInput(Id, id, ['id'])));
  }

  @Allow('manage', 'User')
  @Mutation(() => UserObject)
  async inviteUser(@Ctx() ctx: RequestContext, @Args('input') input: InviteUserInputType): Promise<UserObject> {
    return toObject(await this.admin.invite(ctx, parseInput(InviteUserInput, input)));
  }

  @Allow('manage', 'User')
  @Mutation(() => UserObject)
  async updateUser(@Ctx() ctx: RequestContext, @Args('input') input: UpdateUserInputType): Promise<UserObject> {
    return toObject(await this.admin.update(ctx, parseInput(UpdateUserInput, input)));
  }

  @Allow('manage', 'User')
  @Mutation(() => UserObject)
  async setUserActive(@Ctx() ctx: RequestContext, @Args('input') input: SetUserActiveInputType): Promise<UserObject> {
    return toObject(await this.admin.setActive(ctx, parseInput(SetUserActiveInput, input)));
  }
}
