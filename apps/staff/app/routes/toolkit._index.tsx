import { MoveToolkitRequestInput, toolkitRequestStatusValues, type ToolkitRequestStatus } from '@crm/contracts';
import { ToolkitBoardAllDocument, MoveToolkitRequestDocument } from '@crm/staff-graphql';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ExportButtons } from '../components/export-buttons';
import { PageHeader } from '../components/page-header';
import { RequestCard } from '../components/toolkit/request-card';
import { assertCsrf } from '../utils/csrf.server';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { messageText } from '../utils/messages';
import { pageTitle } from '../utils/meta';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';
import { oneClickSteps, toolkitStatusKey } from '../utils/toolkit';
import { stepRefusal } from '../utils/toolkit.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.title');

// GET /toolkit (?status=approved: the column shown on a phone). The board: a column per status,
// each request with buttons for its next steps (the ones the viewer may take).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'ToolkitRequest');
  const status = new URL(request.url).searchParams.get('status');
  const board = await gql(ToolkitBoardAllDocument, {}, { request });
  const selected = (toolkitRequestStatusValues as readonly string[]).includes(status ?? '') ? (status as ToolkitRequestStatus) : 'requested';
  return { board, selected };
}

// A one-click step from a card (approve, ship, deliver), at the version the board showed.
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'read', 'ToolkitRequest');
  const input = MoveToolkitRequestInput.safeParse({ id: formData.get('id'), version: Number(formData.get('version')), step: formData.get('step') });
  if (!input.success || !oneClickSteps.includes(input.data.step)) return { id: null, status: null, errors: ['problem.invalid'] };
  try {
    const { moveToolkitRequest } = await gql(MoveToolkitRequestDocument, { input: input.data }, { request });
    return { id: moveToolkitRequest.id, status: moveToolkitRequest.status, errors: [] as string[] };
  } catch (error) {
    const { fieldErrors, formErrors } = stepRefusal(error);
    return { id: input.data.id, status: null, errors: [...formErrors, ...Object.values(fieldErrors).flat()] };
  }
}

export default function ToolkitBoard() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { board, selected } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const counts = new Map(board.toolkitRequestCounts.map((entry) => [entry.status, entry.count]));
  const reference = answer?.id?.slice(0, 8).toUpperCase() ?? '';
  const bulk = searchParams.get('bulk');

  return (
    <Stack gap="lg" maw={1600}>
      <PageHeader
        title={t('toolkit.title')}
        description={t('toolkit.intro')}
        actions={
          <>
            {ability.can('create', 'ToolkitRequest') ? (
              <Button component={Link} to="/toolkit/requests/new" data-testid="toolkit-new">
                {t('toolkit.new')}
              </Button>
            ) : null}
            {ability.can('update', 'ToolkitItem') ? (
              <>
                <Button component={Link} to="/toolkit/catalogue" variant="default" data-testid="toolkit-catalogue">
                  {t('toolkit.catalogue')}
                </Button>
                <Button component={Link} to="/toolkit/inventory" variant="default" data-testid="toolkit-inventory">
                  {t('toolkit.inventory')}
                </Button>
              </>
            ) : null}
            {ability.can('manage', 'ToolkitRequest') ? (
              <>
                <Button component={Link} to="/toolkit/packing" variant="default" data-testid="toolkit-packing">
                  {t('toolkit.packing')}
                </Button>
                <Button component={Link} to="/toolkit/bulk" variant="default" data-testid="toolkit-bulk">
                  {t('toolkit.bulk')}
                </Button>
              </>
            ) : null}
            {ability.can('export', 'ToolkitRequest') ? <ExportButtons href="/toolkit/export?list=requests" testId="toolkit-export" /> : null}
          </>
        }
      />

      {bulk ? (
        <Alert color="teal" variant="light" data-testid="toolkit-notice">
          {t('toolkit.bulk.done', { count: formatCount(lang, Number(bulk) || 0) })}
        </Alert>
      ) : null}
      {answer?.status ? (
        <Alert color="teal" variant="light" data-testid="toolkit-notice">
          {t('toolkit.board.moved', { reference, status: t(toolkitStatusKey(answer.status)) })}
        </Alert>
      ) : null}
      {answer?.errors.length ? (
        <Alert color="red" variant="light" role="alert" data-testid="toolkit-error">
          {answer.id ? `${t('toolkit.board.failed', { reference })} ` : null}
          {answer.errors.map((error) => messageText(t, error)).join(' ')}
        </Alert>
      ) : null}

      {/* On a phone the board shows one status at a time: these links choose it (and count each). */}
      <Group gap={6} component="nav" aria-label={t('toolkit.board.statuses')} hiddenFrom="md" data-testid="toolkit-status-tabs">
        {toolkitRequestStatusValues.map((status) => (
          <Button
            key={status}
            component={Link}
            to={`/toolkit?status=${status}`}
            size="compact-sm"
            variant={status === selected ? 'filled' : 'default'}
            aria-current={status === selected ? 'page' : undefined}
            data-testid={`toolkit-tab-${status}`}
          >
            {t(toolkitStatusKey(status))} ({formatCount(lang, counts.get(status) ?? 0)})
          </Button>
        ))}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 3, xl: 6 }} spacing="md" data-testid="toolkit-board">
        {toolkitRequestStatusValues.map((status) => {
          const nodes = board[status].nodes;
          const count = counts.get(status) ?? 0;
          return (
            <Card
              key={status}
              withBorder
              padding="sm"
              bg="gray.0"
              component="section"
              aria-labelledby={`column-${status}`}
              visibleFrom={status === selected ? undefined : 'md'}
              data-testid="toolkit-column"
              data-status={status}
            >
              <Stack gap="sm">
                <Group justify="space-between" gap="xs">
                  <Title order={2} size="h5" id={`column-${status}`}>
                    {t(toolkitStatusKey(status))}
                  </Title>
                  <Text size="sm" c="dimmed" data-testid="toolkit-column-count">
                    {formatCount(lang, count)}
                  </Text>
                </Group>
                {nodes.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('toolkit.board.empty')}
                  </Text>
                ) : (
                  nodes.map((request) => <RequestCard key={request.id} request={request} />)
                )}
                {count > nodes.length ? (
                  <Text size="xs" c="dimmed">
                    {t('toolkit.board.more', { shown: formatCount(lang, nodes.length), count: formatCount(lang, count) })}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
