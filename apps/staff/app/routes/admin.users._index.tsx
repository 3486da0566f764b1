import { roles } from '@crm/authz';
import { UserFilter } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { OrganizationNameDocument, UsersDocument, type RegionFieldsFragment, type UserFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Button, Card, Stack, Table, Text, TextInput } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { FilterBar, FilterSelect } from '../components/filter-bar';
import { EmptyRow, ListTable } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { RoleBadge, UserStatusBadge } from '../components/user-badges';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { organizationName } from '../utils/records';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title');

const pageSize = 25;

// Filters live in the URL (?search=&role=&status=&after=): a filtered list can be
// bookmarked, and "next page" keeps them.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'manage', 'User');
  const params = new URL(request.url).searchParams;
  const status = params.get('status') ?? '';
  const form = { search: params.get('search') ?? '', role: params.get('role') ?? '', status };
  const parsed = UserFilter.safeParse({
    search: form.search.trim() || undefined,
    role: form.role || undefined,
    active: status === 'active' ? true : status === 'inactive' ? false : undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const { users, regions } = await loadListPage('/admin/users', params, (after) => gql(UsersDocument, { filter, first: pageSize, after }, { request }));
  // Member contacts show their organization by name, not by id: one look-up per distinct
  // organization on the page (a page holds few member contacts). One gone or out of reach
  // shows its short id, as the user's own page does.
  const organizationIds = [...new Set(users.nodes.flatMap((user) => (user.role === 'MEMBER' && user.organizationId ? [user.organizationId] : [])))];
  const named = await Promise.all(
    organizationIds.map((id) =>
      gql(OrganizationNameDocument, { id }, { request }).then(
        (answer) => answer.organization,
        () => null,
      ),
    ),
  );
  const organizations = named.flatMap((organization) => (organization ? [organization] : []));
  return { users, regions, form, organizations };
}

type OrganizationNames = { id: string; nameEn: string; nameFr: string }[];

function Scope({ user, regions, organizations }: { user: UserFieldsFragment; regions: RegionFieldsFragment[]; organizations: OrganizationNames }) {
  const t = useT();
  const lang = useLanguage();
  if (user.role === 'COORDINATOR') {
    const names = regions.filter((region) => user.regionIds.includes(region.id)).map((region) => localizedName(lang, region));
    return <Text size="sm">{names.join(', ') || '—'}</Text>;
  }
  if (user.role === 'MEMBER' && user.organizationId) {
    const organization = organizations.find((candidate) => candidate.id === user.organizationId);
    if (organization) {
      return (
        <Anchor component={Link} to={`/organizations/${organization.id}`} size="sm">
          {organizationName(lang, organization)}
        </Anchor>
      );
    }
    return (
      <Text size="sm" ff="monospace" title={user.organizationId}>
        {t('users.organization', { id: user.organizationId.slice(0, 8) })}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

export default function Users() {
  const t = useT();
  const { users, regions, form, organizations } = useLoaderData<typeof loader>();
  const filtered = Boolean(form.search || form.role || form.status);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button component={Link} to="/admin/users/new" data-testid="invite-user">
            {t('users.invite')}
          </Button>
        }
      />

      <FilterBar testId="user-filters" clearTo="/admin/users" filtered={filtered}>
        <TextInput
          name="search"
          type="search"
          label={t('users.filter.search')}
          placeholder={t('users.filter.search.placeholder')}
          defaultValue={form.search}
          w={{ base: '100%', sm: 260 }}
          data-testid="filter-search"
        />
        <FilterSelect
          name="role"
          label={t('users.filter.role')}
          value={form.role}
          any={t('users.filter.role.all')}
          options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          width={200}
          testId="filter-role"
        />
        <FilterSelect
          name="status"
          label={t('users.filter.status')}
          value={form.status}
          any={t('users.filter.status.all')}
          options={[
            { value: 'active', label: t('users.filter.status.active') },
            { value: 'inactive', label: t('users.filter.status.inactive') },
          ]}
          width={160}
          testId="filter-status"
        />
      </FilterBar>

      <Card withBorder padding={0}>
        <ListTable
          minWidth={820}
          highlightOnHover
          data-testid="users-table"
          items={users.nodes}
          columns={[
            { key: 'name', label: t('users.column.name'), card: 'title', fixed: true },
            { key: 'role', label: t('users.column.role'), fixed: true },
            { key: 'scope', label: t('users.column.scope'), fixed: true },
            { key: 'status', label: t('users.column.status'), fixed: true },
            { key: 'lastSignIn', label: t('users.column.lastSignIn'), fixed: true },
          ]}
          empty={
            <EmptyRow columns={5} testId="users-empty">
              {t('users.empty')}
            </EmptyRow>
          }
        >
          {(user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600} size="sm">
                  {user.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={user.role} />
              </Table.Td>
              <Table.Td>
                <Scope user={user} regions={regions} organizations={organizations} />
              </Table.Td>
              <Table.Td>
                <UserStatusBadge active={user.active} invitationPending={user.invitationPending} />
              </Table.Td>
              <Table.Td>
                {user.lastSignInAt ? (
                  <DateTime value={user.lastSignInAt} stacked />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('users.never')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <Pager endCursor={users.pageInfo.endCursor} hasNextPage={users.pageInfo.hasNextPage} />
    </Stack>
  );
}
