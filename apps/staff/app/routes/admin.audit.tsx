import { subjectNames } from '@crm/authz';
import { AuditFilter } from '@crm/contracts';
import { en, type Translate } from '@crm/i18n';
import { AuditEntriesDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { AuditChanges } from '../components/audit-changes';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { startOfDay } from '../utils/audit-view';
import { isPlainMessageKey } from '../utils/field-messages';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title');

const pageSize = 50;

// The actions the catalogue names ("audit.action.user.invite"): the filter's choices.
const knownActions = Object.keys(en)
  .filter((key) => key.startsWith('audit.action.'))
  .map((key) => key.slice('audit.action.'.length));

function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return isPlainMessageKey(key) ? t(key) : action;
}

function subjectLabel(t: Translate, subjectType: string): string {
  const key = `subject.${subjectType}`;
  return isPlainMessageKey(key) ? t(key) : subjectType;
}

// Filters live in the URL; dates are calendar days in the national office's zone,
// "to" included.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'AuditEntry');
  const params = new URL(request.url).searchParams;
  const form = {
    action: params.get('action') ?? '',
    subjectType: params.get('subjectType') ?? '',
    actorId: params.get('actorId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const parsed = AuditFilter.safeParse({
    action: form.action || undefined,
    subjectType: form.subjectType || undefined,
    actorId: form.actorId || undefined,
    from: startOfDay(form.from),
    to: startOfDay(form.to, { dayAfter: true }),
  });
  const filter = parsed.success ? parsed.data : {};
  try {
    const { auditEntries, users, regions } = await gql(AuditEntriesDocument, { filter, first: pageSize, after: params.get('after') || undefined }, { request });
    return { entries: auditEntries, actors: users.nodes, regions, form };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && params.has('after')) {
      params.delete('after');
      throw redirect(`/admin/audit?${params}`);
    }
    throw error;
  }
}

export default function AuditLog() {
  const t = useT();
  const { entries, actors, regions, form } = useLoaderData<typeof loader>();
  const filtered = Object.values(form).some(Boolean);
  const actions = knownActions.includes(form.action) || !form.action ? knownActions : [...knownActions, form.action];
  const byActor = (actorId: string) => {
    const params = new URLSearchParams({ ...form, actorId });
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    return `/admin/audit?${params}`;
  };

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />

      <Card withBorder padding="md">
        <Form method="get" role="search" data-testid="audit-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NativeSelect
              name="action"
              label={t('audit.filter.action')}
              defaultValue={form.action}
              data={[{ value: '', label: t('audit.filter.action.all') }, ...actions.map((action) => ({ value: action, label: actionLabel(t, action) }))]}
              w={{ base: '100%', sm: 210 }}
              data-testid="filter-action"
            />
            <NativeSelect
              name="subjectType"
              label={t('audit.filter.subjectType')}
              defaultValue={form.subjectType}
              data={[{ value: '', label: t('audit.filter.subjectType.all') }, ...subjectNames.map((name) => ({ value: name, label: subjectLabel(t, name) }))]}
              w={{ base: '100%', sm: 160 }}
              data-testid="filter-subject-type"
            />
            <NativeSelect
              name="actorId"
              label={t('audit.filter.actor')}
              defaultValue={form.actorId}
              data={[{ value: '', label: t('audit.filter.actor.all') }, ...actors.map((actor) => ({ value: actor.id, label: actor.name }))]}
              w={{ base: '100%', sm: 180 }}
              data-testid="filter-actor"
            />
            <TextInput name="from" type="date" label={t('audit.filter.from')} defaultValue={form.from} w={{ base: '47%', sm: 150 }} data-testid="filter-from" />
            <TextInput name="to" type="date" label={t('audit.filter.to')} defaultValue={form.to} w={{ base: '47%', sm: 150 }} data-testid="filter-to" />
            <Button type="submit" variant="default">
              {t('filter.apply')}
            </Button>
            {filtered ? (
              <Button component={Link} to="/admin/audit" variant="subtle">
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Card>

      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="audit-table" style={{ tableLayout: 'fixed' }}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={150}>{t('audit.column.when')}</Table.Th>
                <Table.Th w={190}>{t('audit.column.who')}</Table.Th>
                <Table.Th w={240}>{t('audit.column.action')}</Table.Th>
                <Table.Th w={130}>{t('audit.column.record')}</Table.Th>
                <Table.Th>{t('audit.column.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.nodes.map((entry) => (
                <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <DateTime value={entry.at} stacked />
                  </Table.Td>
                  <Table.Td>
                    {entry.actorId ? (
                      <Anchor component={Link} to={byActor(entry.actorId)} size="sm">
                        {entry.actorName ?? entry.actorId.slice(0, 8)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('audit.nobody')}
                      </Text>
                    )}
                    {entry.actorRole && isPlainMessageKey(`role.${entry.actorRole}`) ? (
                      <Text size="xs" c="dimmed">
                        {t(`role.${entry.actorRole}` as 'role.ADMIN')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {actionLabel(t, entry.action)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entry.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" tt="none" radius="sm">
                      {subjectLabel(t, entry.subjectType)}
                    </Badge>
                    {entry.subjectId ? (
                      <Tooltip label={entry.subjectId} openDelay={300}>
                        {entry.subjectType === 'User' ? (
                          <Anchor component={Link} to={`/admin/users/${entry.subjectId}`} size="xs" ff="monospace" display="block" mt={4}>
                            {entry.subjectId.slice(0, 8)}
                          </Anchor>
                        ) : (
                          <Text size="xs" ff="monospace" c="dimmed" mt={4}>
                            {entry.subjectId.slice(0, 8)}
                          </Text>
                        )}
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <AuditChanges changes={entry.changes} regions={regions} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {entries.nodes.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg" data-testid="audit-empty">
                      {t('audit.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Pager endCursor={entries.pageInfo.endCursor} hasNextPage={entries.pageInfo.hasNextPage} />
    </Stack>
  );
}
