import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { MailModule } from '@crm/mail';
import { AuditLogRepository } from './audit/audit-log.repository';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { AuditLogService } from './audit/audit-log.service';
import { AuditSubjects } from './audit/audit-subjects';
import { AuthService } from './auth.service';
import { IdentityResolver } from './identity.resolver';
import { MemberContactsService } from './member-contacts.service';
import { MemberOrganizations } from './member-organizations';
import { OwnerOptionsRepository } from './owner-options.repository';
import { OwnerOptionsResolver } from './owner-options.resolver';
import { OwnerOptionsService } from './owner-options.service';
import { SavedViewRepository } from './saved-views/saved-view.repository';
import { SavedViewResolver } from './saved-views/saved-view.resolver';
import { SavedViewService } from './saved-views/saved-view.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { UserAdminService } from './user-admin.service';
import { UserRepository } from './user.repository';
import { UserTokenRepository } from './user-token.repository';

@Module({
  imports: [MailModule, CampaignModule],
  providers: [
    UserRepository,
    SessionRepository,
    UserTokenRepository,
    SessionService,
    SignInThrottle,
    AuthService,
    UserAdminService,
    IdentityResolver,
    AuditLogRepository,
    AuditLogResolver,
    AuditLogService,
    AuditSubjects,
    OwnerOptionsRepository,
    OwnerOptionsService,
    OwnerOptionsResolver,
    MemberContactsService,
    MemberOrganizations,
    SavedViewRepository,
    SavedViewService,
    SavedViewResolver,
  ],
  exports: [SessionService, OwnerOptionsService, MemberContactsService, MemberOrganizations, AuditSubjects, AuditLogService],
})
export class IdentityModule {}
