export { PeopleModule } from './people.module';
export { PeopleService, type PersonView } from './people.service';
export { PersonMergeHooks } from './person-merge-hooks';
export { PersonObject, PersonConnection, AffiliationObject, EngagementStageEnum } from './dtos/person.object';
export { personListOrder, personListWhere } from './person.repository';
export { personScopeColumns } from './person.row';
export { personSortKey } from './person.row';
export { PersonBulkRepository, type PersonState } from './person-bulk.repository';
export { PeopleImportModule, PersonImportTarget, readLeaderCategory, leaderCategoryLabels } from './person.import';
