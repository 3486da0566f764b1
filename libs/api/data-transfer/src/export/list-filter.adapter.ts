import { organizationSortKey } from '@crm/organizations';
import { personSortKey } from '@crm/people';

// An export holds exactly the rows of the list the user filtered, in the same
// order: the lists' own filter builders and sort keys, one definition each.
export { personListWhere, personScopeColumns } from '@crm/people';
export { organizationListWhere } from '@crm/organizations';

export const personListOrder = personSortKey;
export const organizationListOrder = `${organizationSortKey}, o.id`;
