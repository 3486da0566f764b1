import {
  DismissOrganizationDuplicateDocument,
  DismissPersonDuplicateDocument,
  OrganizationDuplicatePairsDocument,
  PersonDuplicatePairsDocument,
  type DuplicatePairFieldsFragment,
  type DuplicateReason,
  type DuplicateSideFieldsFragment,
} from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { DateTime } from '../components/date-time';
import { EmptyRow, ListTable, type ListColumn } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'duplicatesQueue.title');

const pageSize = 25;
type Kind = 'people' | 'organizations';
const reasons: DuplicateReason[] = ['EMAIL', 'NAME_CITY'];

function choice(params: URLSearchParams): { kind: Kind; reason: DuplicateReason } {
  const kind: Kind = params.get('kind') === 'organizations' ? 'organizations' : 'people';
  const reason: DuplicateReason = params.get('reason') === 'NAME_CITY' ? 'NAME_CITY' : 'EMAIL';
  return { kind, reason };
}

// `/duplicates?kind=people|organizations&reason=EMAIL|NAME_CITY`: one page of pairs (decision 027).
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const { kind, reason } = choice(params);
  await requireUserWithPermission(request, 'merge', kind === 'people' ? 'Person' : 'Organization');
  const pairs = await loadListPage('/duplicates', params, async (after) =>
    kind === 'people'
      ? (await gql(PersonDuplicatePairsDocument, { reason, first: pageSize, after }, { request })).personDuplicatePairs
      : (await gql(OrganizationDuplicatePairsDocument, { reason, first: pageSize, after }, { request })).organizationDuplicatePairs,
  );
  return { kind, reason, pairs };
}

// "Not a duplicate": remembered by the API (and audited); back to the same page.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const url = new URL(request.url);
  const { kind } = choice(url.searchParams);
  await requireUserWithPermission(request, 'merge', kind === 'people' ? 'Person' : 'Organization');
  const firstId = String(formData.get('firstId') ?? '');
  const secondId = String(formData.get('secondId') ?? '');
  try {
    if (kind === 'people') await gql(DismissPersonDuplicateDocument, { firstId, secondId }, { request });
    else await gql(DismissOrganizationDuplicateDocument, { firstId, secondId }, { request });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { error: 'duplicatesQueue.dismissFailed' as const };
  }
  url.searchParams.set('dismissed', '1');
  throw safeRedirect(`${url.pathname}?${url.searchParams}`);
}

function Side({ side, kind }: { side: DuplicateSideFieldsFragment; kind: Kind }) {
  const t = useT();
  const lang = useLanguage();
  const name = lang === 'fr' && side.nameFr ? side.nameFr : side.name;
  return (
    <Stack gap={2} data-testid="duplicate-side" data-id={side.id}>
      <Anchor component={Link} to={`/${kind}/${side.id}`} fw={600} size="sm">
        {name}
      </Anchor>
      {side.email ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {side.email}
        </Text>
      ) : null}
      <Text size="sm" c="dimmed">
        {[side.city, side.provinceCode].filter(Boolean).join(', ')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('duplicatesQueue.added')} <DateTime value={side.createdAt} />
      </Text>
    </Stack>
  );
}

export default function DuplicatesQueue() {
  const t = useT();
  const { kind, reason, pairs } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { search } = useLocation();
  const dismissed = new URLSearchParams(search).get('dismissed') === '1';
  const link = (next: { kind?: Kind; reason?: DuplicateReason }) =>
    `/duplicates?${new URLSearchParams({ kind: next.kind ?? kind, reason: next.reason ?? reason })}`;
  const columns: ListColumn[] = [
    { key: 'first', label: t('duplicatesQueue.column.first'), card: 'title', fixed: true },
    { key: 'second', label: t('duplicatesQueue.column.second'), card: 'plain', fixed: true },
    { key: 'actions', label: t('duplicatesQueue.column.actions'), card: 'plain', fixed: true, w: 220 },
  ];

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('duplicatesQueue.title')} description={t('duplicatesQueue.intro')} />

      <Group gap="xs" wrap="wrap" aria-label={t('duplicatesQueue.kind')} role="navigation">
        {(['people', 'organizations'] as const).map((option) => (
          <Button
            key={option}
            component={Link}
            to={link({ kind: option })}
            size="xs"
            variant={option === kind ? 'filled' : 'default'}
            aria-current={option === kind ? 'page' : undefined}
            data-testid={`duplicates-kind-${option}`}
          >
            {t(`duplicatesQueue.kind.${option}`)}
          </Button>
        ))}
      </Group>
      <Group gap="xs" wrap="wrap" aria-label={t('duplicatesQueue.reason')} role="navigation">
        {reasons.map((option) => (
          <Button
            key={option}
            component={Link}
            to={link({ reason: option })}
            size="xs"
            variant={option === reason ? 'light' : 'subtle'}
            aria-current={option === reason ? 'page' : undefined}
            data-testid={`duplicates-reason-${option}`}
          >
            {t(`duplicatesQueue.reason.${option}`)}
          </Button>
        ))}
      </Group>

      {dismissed ? (
        <Alert color="teal" role="status" data-testid="duplicates-dismissed">
          {t('duplicatesQueue.dismissed')}
        </Alert>
      ) : null}
      {answer?.error ? (
        <Alert color="red" role="alert">
          {t(answer.error)}
        </Alert>
      ) : null}

      <Card withBorder padding={0}>
        <ListTable
          minWidth={760}
          columns={columns}
          items={pairs.nodes}
          data-testid="duplicate-pairs"
          empty={
            <EmptyRow columns={columns.length} testId="duplicates-empty">
              {t('duplicatesQueue.empty')}
            </EmptyRow>
          }
        >
          {(pair: DuplicatePairFieldsFragment) => (
            <Table.Tr key={`${pair.first.id}-${pair.second.id}`} data-testid="duplicate-pair" style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Side side={pair.first} kind={kind} />
              </Table.Td>
              <Table.Td>
                <Side side={pair.second} kind={kind} />
              </Table.Td>
              <Table.Td>
                <Stack gap="xs" align="flex-start">
                  <Button component={Link} to={`/${kind}/${pair.first.id}/merge?with=${pair.second.id}`} size="xs" data-testid="duplicate-compare">
                    {t('duplicatesQueue.compare')}
                  </Button>
                  <ActionForm>
                    <input type="hidden" name="firstId" value={pair.first.id} />
                    <input type="hidden" name="secondId" value={pair.second.id} />
                    <Button type="submit" size="xs" variant="default" data-testid="duplicate-dismiss">
                      {t('duplicatesQueue.notDuplicate')}
                    </Button>
                  </ActionForm>
                </Stack>
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>
      <Pager endCursor={pairs.pageInfo.endCursor} hasNextPage={pairs.pageInfo.hasNextPage} />
    </Stack>
  );
}
