// An export holds exactly the rows of the list the user filtered, in the same
// order: the lists' own filter builders and orders, one definition each.
export { personListOrder, personListWhere, personScopeColumns } from '@crm/people';
export { organizationListOrder, organizationListWhere } from '@crm/organizations';
