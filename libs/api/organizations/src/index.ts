export { OrganizationsModule } from './organizations.module';
export { OrganizationsService } from './organizations.service';
export { OrganizationMergeHooks } from './organization-merge-hooks';
export { OrganizationObject, OrganizationConnection } from './dtos/organization.object';
export { organizationColumns, organizationScopeColumns, organizationSortKey, type OrganizationRow } from './organization.row';
export { OrganizationBulkRepository, type OrganizationState } from './organization-bulk.repository';
export { organizationListOrder, organizationListWhere } from './organization.repository';
export { OrganizationsImportModule, OrganizationImportTarget, readOrganizationKind, readMembership } from './organization.import';
