import { Inject, Injectable } from '@nestjs/common';
import type { AcceptInvitationInput, ChangePasswordInput, RequestPasswordResetInput, ResetPasswordInput, SignInInput } from '@crm/contracts';
import { composeMail, MailService } from '@crm/mail';
import {
  APP_CONFIG,
  AuditService,
  BadUserInputException,
  DomainException,
  ErrorCode,
  UnauthenticatedException,
  type AppConfig,
  type RequestContext,
} from '@crm/platform';
import { DataSource } from 'typeorm';
import { passwordResetMail } from './mail/account-mail';
import { hashPassword, verifyPassword } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { newSecretToken, hashToken } from './tokens';
import { UserRepository } from './user.repository';
import { userPersonalFields, type UserRow } from './user.row';
import { UserTokenRepository } from './user-token.repository';

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: UserRow;
}

class BadCredentialsException extends DomainException {
  constructor() {
    // One message for an unknown e-mail, a wrong password and a deactivated account.
    super(ErrorCode.Unauthenticated, 'E-mail or password is incorrect');
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionService: SessionService,
    private readonly tokens: UserTokenRepository,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(ctx: RequestContext, input: SignInInput): Promise<SignInResult> {
    await this.throttle.assertAllowed(input.email, ctx.ip);
    const user = await this.users.findForSignIn(input.email);
    // Always verify (against a dummy hash when unknown) so timing does not leak.
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(input.email, ctx.ip);
      await this.audit.record(this.dataSource.manager, ctx, { action: 'user.signInFailed', subjectType: 'User', subjectId: user?.id ?? null });
      throw new BadCredentialsException();
    }
    await this.throttle.recordSuccess(input.email);
    const { passwordHash: _secret, ...row } = user;
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessionService.open(manager, user.id);
      await this.users.recordSignIn(manager, user.id);
      await this.audit.record(
        manager,
        { ...ctx, actor: { id: user.id, role: user.role, provinceCodes: [], organizationId: user.organizationId } },
        {
          action: 'user.signIn',
          subjectType: 'User',
          subjectId: user.id,
        },
      );
      return { token: session.token, expiresAt: session.expiresAt, user: row };
    });
  }

  async signOut(ctx: RequestContext): Promise<boolean> {
    if (!ctx.sessionId || !ctx.actor) throw new UnauthenticatedException();
    const { sessionId, actor } = ctx;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, sessionId, 'sign-out');
      await this.audit.record(manager, ctx, { action: 'user.signOut', subjectType: 'User', subjectId: actor.id });
    });
    await this.sessionService.invalidateUser(actor.id);
    return true;
  }

  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) throw new UnauthenticatedException();
    const current = await this.users.passwordHashOf(actor.id);
    if (!(await verifyPassword(current, input.currentPassword))) {
      throw new BadUserInputException([{ path: ['input', 'currentPassword'], code: 'passwordCurrent' }], 'Your current password is not correct');
    }
    const newHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, actor.id, newHash);
      // Every other session ends: whoever knew the old password is signed out.
      await this.sessions.revokeAllForUser(manager, actor.id, 'password-change', ctx.sessionId);
      await this.audit.record(manager, ctx, { action: 'user.changePassword', subjectType: 'User', subjectId: actor.id });
    });
    await this.sessionService.invalidateUser(actor.id);
    return true;
  }

  /** Always answers true: whether an account exists is not disclosed. */
  async requestPasswordReset(ctx: RequestContext, input: RequestPasswordResetInput): Promise<boolean> {
    await this.throttle.assertAllowed(input.email, ctx.ip);
    const user = await this.users.findForSignIn(input.email);
    if (!user || !user.active || user.passwordHash === null) {
      await this.throttle.recordFailure(input.email, ctx.ip);
      return true;
    }
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.insert(manager, user.id, 'password_reset', hash, expiresAt);
      await this.mail.queue(
        manager,
        composeMail(
          passwordResetMail,
          { address: user.email, language: user.preferredLanguage },
          { name: user.name, link: `${this.config.STAFF_URL}/reset-password/${token}`, minutes: this.config.PASSWORD_RESET_TTL_MINUTES },
        ),
      );
      await this.audit.record(manager, ctx, { action: 'user.requestPasswordReset', subjectType: 'User', subjectId: user.id });
    });
    return true;
  }

  async resetPassword(ctx: RequestContext, input: ResetPasswordInput): Promise<boolean> {
    const newHash = await hashPassword(input.newPassword);
    const userId = await this.dataSource.transaction(async (manager) => {
      const taken = await this.tokens.consume(manager, 'password_reset', hashToken(input.token));
      if (!taken) throw expiredLink();
      await this.users.setPassword(manager, taken.userId, newHash);
      await this.sessions.revokeAllForUser(manager, taken.userId, 'password-reset');
      await this.audit.record(manager, ctx, { action: 'user.resetPassword', subjectType: 'User', subjectId: taken.userId });
      return taken.userId;
    });
    await this.sessionService.invalidateUser(userId);
    return true;
  }

  /** The invitation page's greeting; the same answer as accepting for a dead link. */
  async previewInvitation(token: string) {
    const preview = await this.tokens.previewInvitation(this.dataSource.manager, hashToken(token));
    if (!preview) throw expiredLink();
    return preview;
  }

  async acceptInvitation(ctx: RequestContext, input: AcceptInvitationInput): Promise<SignInResult> {
    const newHash = await hashPassword(input.newPassword);
    return this.dataSource.transaction(async (manager) => {
      const taken = await this.tokens.consume(manager, 'invitation', hashToken(input.token));
      if (!taken) throw expiredLink();
      const before = await this.users.findById(taken.userId, manager);
      if (!before || !before.active) throw expiredLink();
      if (input.name && input.name !== before.name) {
        await this.users.setName(manager, taken.userId, input.name);
      }
      await this.users.setPassword(manager, taken.userId, newHash);
      const session = await this.sessionService.open(manager, taken.userId);
      await this.users.recordSignIn(manager, taken.userId);
      const after = (await this.users.findById(taken.userId, manager)) as UserRow;
      await this.audit.record(manager, ctx, {
        action: 'user.acceptInvitation',
        subjectType: 'User',
        subjectId: taken.userId,
        before: { name: before.name, invitationPending: true },
        after: { name: after.name, invitationPending: false },
        personalFields: userPersonalFields,
      });
      return { token: session.token, expiresAt: session.expiresAt, user: after };
    });
  }
}

function expiredLink() {
  return new BadUserInputException([{ path: ['input', 'token'], code: 'tokenExpired' }], 'This link has expired or was already used; ask for a new one');
}
