export { IdentityModule } from './identity.module';
export { SessionService } from './session.service';
export { OwnerOptionsService } from './owner-options.service';
export { MemberContactsService } from './member-contacts.service';
export { assignableByEmail } from './owner-options.repository';
export { hashPassword, verifyPassword } from './password-hasher';
export { userPersonalFields } from './user.row';
export { LanguageEnum } from './dtos/user.object';
export { newSecretToken } from './tokens';
