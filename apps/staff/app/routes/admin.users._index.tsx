import { roles } from '@crm/authz';
import { UserFilter } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { UsersDocument, type RegionFieldsFragment, type UserFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { RoleBadge, UserStatusBadge } from '../components/user-badges';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
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
  try {
    const { users, regions } = await gql(UsersDocument, { filter, first: pageSize, after: params.get('after') || undefined }, { request });
    return { users, regions, form };
  } catch (error) {
    // A cursor from an old link: start again from the first page.
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && params.has('after')) {
      params.delete('after');
      throw redirect(`/admin/users?${params}`);
    }
    throw error;
  }
}

function Scope({ user, regions }: { user: UserFieldsFragment; regions: RegionFieldsFragment[] }) {
  const t = useT();
  const lang = useLanguage();
  if (user.role === 'COORDINATOR') {
    const names = regions.filter((region) => user.regionIds.includes(region.id)).map((region) => localizedName(lang, region));
    return <Text size="sm">{names.join(', ') || '—'}</Text>;
  }
  if (user.role === 'MEMBER' && user.organizationId) {
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
  const { users, regions, form } = useLoaderData<typeof loader>();
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

      <Card withBorder padding="md">
        <Form method="get" role="search" data-testid="user-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              name="search"
              type="search"
              label={t('users.filter.search')}
              placeholder={t('users.filter.search.placeholder')}
              defaultValue={form.search}
              w={{ base: '100%', sm: 260 }}
              data-testid="filter-search"
            />
            <NativeSelect
              name="role"
              label={t('users.filter.role')}
              defaultValue={form.role}
              data={[{ value: '', label: t('users.filter.role.all') }, ...roles.map((role) => ({ value: role, label: t(`role.${role}`) }))]}
              w={{ base: '100%', sm: 200 }}
              data-testid="filter-role"
            />
            <NativeSelect
              name="status"
              label={t('users.filter.status')}
              defaultValue={form.status}
              data={[
                { value: '', label: t('users.filter.status.all') },
                { value: 'active', label: t('users.filter.status.active') },
                { value: 'inactive', label: t('users.filter.status.inactive') },
              ]}
              w={{ base: '100%', sm: 160 }}
              data-testid="filter-status"
            />
            <Button type="submit" variant="default">
              {t('filter.apply')}
            </Button>
            {filtered ? (
              <Button component={Link} to="/admin/users" variant="subtle">
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Card>

      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('users.column.name')}</Table.Th>
                <Table.Th>{t('users.column.role')}</Table.Th>
                <Table.Th>{t('users.column.scope')}</Table.Th>
                <Table.Th>{t('users.column.status')}</Table.Th>
                <Table.Th>{t('users.column.lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.nodes.map((user) => (
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
                    <Scope user={user} regions={regions} />
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
              ))}
              {users.nodes.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg" data-testid="users-empty">
                      {t('users.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Pager endCursor={users.pageInfo.endCursor} hasNextPage={users.pageInfo.hasNextPage} />
    </Stack>
  );
}
