import { Inject, Injectable } from '@nestjs/common';
import { CampaignService } from '@crm/campaigns';
import type { InviteUserInput, SetUserActiveInput, UpdateMyPreferencesInput, UpdateUserInput, UserFilter } from '@crm/contracts';
import { composeMail, MailService } from '@crm/mail';
import { translate } from '@crm/i18n';
import {
  APP_CONFIG,
  AuditService,
  BadUserInputException,
  ConflictException,
  NotFoundException,
  SessionCache,
  UnauthenticatedException,
  type AppConfig,
  type RequestContext,
} from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { invitationMail } from './mail/account-mail';
import { SessionRepository } from './session.repository';
import { newSecretToken } from './tokens';
import { MemberOrganizations } from './member-organizations';
import { UserRepository } from './user.repository';
import { userPersonalFields, type UserRow } from './user.row';
import { UserTokenRepository } from './user-token.repository';

@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly sessionCache: SessionCache,
    private readonly tokens: UserTokenRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly campaigns: CampaignService,
    private readonly memberOrganizations: MemberOrganizations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async me(ctx: RequestContext): Promise<UserRow> {
    if (!ctx.actor) throw new UnauthenticatedException();
    const user = await this.users.findById(ctx.actor.id);
    if (!user) throw new UnauthenticatedException();
    return user;
  }

  async get(id: string): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('User');
    return user;
  }

  list(filter: UserFilter, first: number, after: string | null | undefined) {
    return this.users.list(filter, first, after);
  }

  async updateMyPreferences(ctx: RequestContext, input: UpdateMyPreferencesInput): Promise<UserRow> {
    const me = await this.me(ctx);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const updated = await this.dataSource.transaction(async (manager) => {
      if (input.preferredLanguage !== undefined) {
        await this.users.setPreferredLanguage(manager, me.id, input.preferredLanguage);
        [before.preferredLanguage, after.preferredLanguage] = [me.preferredLanguage, input.preferredLanguage];
      }
      if (input.timeZone !== undefined) {
        await this.users.setTimeZone(manager, me.id, input.timeZone);
        [before.timeZone, after.timeZone] = [me.timeZone, input.timeZone];
      }
      await this.audit.record(manager, ctx, { action: 'user.updatePreferences', subjectType: 'User', subjectId: me.id, before, after });
      return (await this.users.findById(me.id, manager)) as UserRow;
    });
    await this.sessionCache.invalidateUsers([me.id]); // the session carries the language
    return updated;
  }

  async invite(ctx: RequestContext, input: InviteUserInput): Promise<UserRow> {
    const inviter = await this.me(ctx);
    const campaign = await this.campaigns.defaultCampaign().catch(() => null);
    return this.dataSource.transaction(async (manager) => {
      if (await this.users.emailTaken(input.email, manager)) {
        throw new BadUserInputException([{ path: ['input', 'email'], code: 'emailTaken' }], 'A user with this e-mail already exists');
      }
      await this.assertRegionsExist(manager, input.regionIds);
      await this.assertOrganizationExists(manager, input.role === 'MEMBER' ? input.organizationId : null);
      const id = await this.users.insert(manager, {
        email: input.email,
        name: input.name,
        role: input.role,
        organizationId: input.role === 'MEMBER' ? (input.organizationId ?? null) : null,
        preferredLanguage: input.preferredLanguage,
      });
      await this.users.setRegions(manager, id, input.role === 'COORDINATOR' ? input.regionIds : []);
      const { token, hash } = newSecretToken();
      await this.tokens.insert(manager, id, 'invitation', hash, new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3600_000));
      await this.mail.queue(
        manager,
        composeMail(
          invitationMail,
          { address: input.email, language: input.preferredLanguage },
          {
            name: input.name,
            inviter: inviter.name,
            campaign: campaign ? (input.preferredLanguage === 'fr' ? campaign.nameFr : campaign.nameEn) : translate(input.preferredLanguage, 'app.name'),
            // The page opens in the invitee's language (the address says it), whatever their browser's.
            link: `${this.config.STAFF_URL}/invitation/${token}?lang=${input.preferredLanguage}`,
            hours: this.config.INVITATION_TTL_HOURS,
          },
        ),
      );
      const created = (await this.users.findById(id, manager)) as UserRow;
      await this.audit.record(manager, ctx, {
        action: 'user.invite',
        subjectType: 'User',
        subjectId: id,
        before: null,
        after: auditView(created),
        personalFields: userPersonalFields,
      });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateUserInput): Promise<UserRow> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(input.id, manager);
      if (!before) throw new NotFoundException('User');
      if (before.id === ctx.actor?.id && input.role !== before.role) {
        throw new BadUserInputException([{ path: ['input', 'role'], code: 'roleSelf' }], 'You cannot change your own role');
      }
      await this.assertRegionsExist(manager, input.regionIds);
      await this.assertOrganizationExists(manager, input.role === 'MEMBER' ? input.organizationId : null);
      const updated = await this.users.updateVersioned(manager, input.id, input.version, {
        name: input.name,
        role: input.role,
        organization_id: input.role === 'MEMBER' ? (input.organizationId ?? null) : null,
      });
      if (!updated) throw new ConflictException();
      await this.users.setRegions(manager, input.id, input.role === 'COORDINATOR' ? input.regionIds : []);
      const after = (await this.users.findById(input.id, manager)) as UserRow;
      await this.audit.record(manager, ctx, {
        action: 'user.update',
        subjectType: 'User',
        subjectId: input.id,
        before: auditView(before),
        after: auditView(after),
        personalFields: userPersonalFields,
      });
      return after;
    });
    await this.sessionCache.invalidateUsers([input.id]); // role, regions and organization take effect on the next request
    return updated;
  }

  async setActive(ctx: RequestContext, input: SetUserActiveInput): Promise<UserRow> {
    if (input.id === ctx.actor?.id && !input.active) {
      throw new BadUserInputException([{ path: ['input', 'active'], code: 'activeSelf' }], 'You cannot deactivate your own account');
    }
    const updated = await this.dataSource.transaction(async (manager) => {
      const before = await this.users.findById(input.id, manager);
      if (!before) throw new NotFoundException('User');
      if (!(await this.users.updateVersioned(manager, input.id, input.version, { active: input.active }))) throw new ConflictException();
      // A deactivated account is signed out everywhere, at once.
      if (!input.active) await this.sessions.revokeAllForUser(manager, input.id, 'deactivated');
      const after = (await this.users.findById(input.id, manager)) as UserRow;
      await this.audit.record(manager, ctx, {
        action: input.active ? 'user.reactivate' : 'user.deactivate',
        subjectType: 'User',
        subjectId: input.id,
        before: { active: before.active },
        after: { active: after.active },
      });
      return after;
    });
    await this.sessionCache.invalidateUsers([input.id]);
    return updated;
  }

  private async assertOrganizationExists(manager: EntityManager, organizationId: string | null | undefined): Promise<void> {
    if (!organizationId) return;
    if (!(await this.memberOrganizations.exists(manager, organizationId))) {
      throw new BadUserInputException([{ path: ['input', 'organizationId'], code: 'organizationUnknown' }], 'This organization does not exist');
    }
  }

  private async assertRegionsExist(manager: EntityManager, regionIds: string[]): Promise<void> {
    const unknown = await this.users.unknownRegions(manager, regionIds);
    if (unknown.length) {
      throw new BadUserInputException([{ path: ['input', 'regionIds'], code: 'regionsUnknown' }], 'Some regions do not exist');
    }
  }
}

function auditView(user: UserRow): Record<string, unknown> {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    regionIds: user.regionIds,
    organizationId: user.organizationId,
    active: user.active,
  };
}
