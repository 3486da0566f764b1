import { subjectNames } from '@crm/authz';
import { AuditFilter } from '@crm/contracts';
import { en, type Translate } from '@crm/i18n';
import { AuditEntriesDocument } from '@crm/staff-graphql';
import { Card, Stack, Table, Text, TextInput } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AuditChanges, AuditSentence } from '../components/audit-changes';
import { DateTime } from '../components/date-time';
import { FilterBar, FilterSelect } from '../components/filter-bar';
import { EmptyRow, ListTable, type ListColumn } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { actionLabel } from '../utils/audit-sentence';
import { startOfDay } from '../utils/audit-view';
import { isPlainMessageKey } from '../utils/messages';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title');

const pageSize = 50;

// The actions the catalogue names ("audit.action.user.invite"): the filter's choices.
const knownActions = Object.keys(en)
  .filter((key) => key.startsWith('audit.action.'))
  .map((key) => key.slice('audit.action.'.length));

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
  const { auditEntries, users, regions } = await loadListPage('/admin/audit', params, (after) =>
    gql(AuditEntriesDocument, { filter, first: pageSize, after }, { request }),
  );
  return { entries: auditEntries, actors: users.nodes, regions, form };
}

export default function AuditLog() {
  const t = useT();
  const { entries, actors, regions, form } = useLoaderData<typeof loader>();
  const filtered = Object.values(form).some(Boolean);
  const actions = knownActions.includes(form.action) || !form.action ? knownActions : [...knownActions, form.action];
  const columns: ListColumn[] = [
    { key: 'when', label: t('audit.column.when'), card: 'plain', fixed: true, w: 150 },
    { key: 'entry', label: t('audit.column.entry'), card: 'title', fixed: true, w: 340 },
    { key: 'changes', label: t('audit.column.changes'), card: 'plain', fixed: true },
  ];
  const byActor = (actorId: string) => {
    const params = new URLSearchParams({ ...form, actorId });
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    return `/admin/audit?${params}`;
  };

  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />

      <FilterBar testId="audit-filters" clearTo="/admin/audit" filtered={filtered}>
        <FilterSelect
          name="action"
          label={t('audit.filter.action')}
          value={form.action}
          any={t('audit.filter.action.all')}
          options={actions.map((action) => ({ value: action, label: actionLabel(t, action) }))}
          width={210}
          testId="filter-action"
        />
        <FilterSelect
          name="subjectType"
          label={t('audit.filter.subjectType')}
          value={form.subjectType}
          any={t('audit.filter.subjectType.all')}
          options={subjectNames.map((name) => ({ value: name, label: subjectLabel(t, name) }))}
          width={160}
          testId="filter-subject-type"
        />
        <FilterSelect
          name="actorId"
          label={t('audit.filter.actor')}
          value={form.actorId}
          any={t('audit.filter.actor.all')}
          options={actors.map((actor) => ({ value: actor.id, label: actor.name }))}
          width={180}
          testId="filter-actor"
        />
        <TextInput name="from" type="date" label={t('audit.filter.from')} defaultValue={form.from} w={{ base: '47%', sm: 150 }} data-testid="filter-from" />
        <TextInput name="to" type="date" label={t('audit.filter.to')} defaultValue={form.to} w={{ base: '47%', sm: 150 }} data-testid="filter-to" />
      </FilterBar>

      <Card withBorder padding={0}>
        <ListTable
          minWidth={720}
          data-testid="audit-table"
          style={{ tableLayout: 'fixed' }}
          columns={columns}
          items={entries.nodes}
          empty={
            <EmptyRow columns={columns.length} testId="audit-empty">
              {t('audit.empty')}
            </EmptyRow>
          }
        >
          {(entry) => (
            <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <DateTime value={entry.at} stacked />
              </Table.Td>
              <Table.Td>
                <AuditSentence entry={entry} actorHref={entry.actorId ? byActor(entry.actorId) : null} />
                {entry.actorRole && isPlainMessageKey(`role.${entry.actorRole}`) ? (
                  <Text size="xs" c="dimmed">
                    {t(`role.${entry.actorRole}` as 'role.ADMIN')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <AuditChanges changes={entry.fieldChanges} subjectType={entry.subjectType} regions={regions} action={entry.action} />
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <Pager endCursor={entries.pageInfo.endCursor} hasNextPage={entries.pageInfo.hasNextPage} />
    </Stack>
  );
}
