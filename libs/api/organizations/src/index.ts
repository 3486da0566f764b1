export { OrganizationsModule } from './organizations.module';
export { OrganizationsService, combineNotes } from './organizations.service';
export { RecordRules } from './record-rules';
export { MergeHooks, OrganizationMergeHooks, type MergeHook, type MergeStep } from './merge-hooks';
export { OrganizationObject, OrganizationConnection, TagObject } from './dtos/organization.object';
export { RecordVersionInputType, MergeRecordsInputType } from './dtos/organization.inputs';
export { organizationColumns, organizationScopeColumns, organizationSortKey, type OrganizationRow } from './organization.row';
export { SqlParams, keysetCursor, likeEscape } from './sql';
export { withoutNulls } from './without-nulls';
