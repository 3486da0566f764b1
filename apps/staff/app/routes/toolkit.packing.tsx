import { ShipToolkitBatchDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Checkbox, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { BackLink } from '../components/back-link';
import { EmptyRow, ListTable } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { ToolkitStatusBadge } from '../components/toolkit/toolkit-badges';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { messageText } from '../utils/messages';
import { pageTitle } from '../utils/meta';
import { organizationName } from '../utils/records';
import { chosenRequests, forPacking, packableRequests } from '../utils/packing-batch.server';
import { shippingAddress } from '../utils/packing.server';
import { requireUserWithPermission } from '../utils/session.server';
import { itemTitle } from '../utils/toolkit';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.packing.title');

// GET /toolkit/packing: the approved and assigned requests, to pack as one batch.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'manage', 'ToolkitRequest');
  const requests = await packableRequests(request);
  return { requests: requests.map((r) => ({ ...r, postalCodeValid: shippingAddress(forPacking(r)).postalCodeValid })) };
}

// POST: ships the chosen batch, each request on its own: what stock allows ships, the rest wait.
// ("Print" posts the same form to /toolkit/packing-pdf, a resource route, so the PDF downloads.)
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'manage', 'ToolkitRequest');
  const chosen = chosenRequests(formData);
  if (chosen.size === 0) return { shipped: null, waited: [], error: 'problem.toolkitNoItems' };
  try {
    const { shipToolkitBatch } = await gql(
      ShipToolkitBatchDocument,
      { input: { requests: [...chosen].map(([id, version]) => ({ id, version })) } },
      { request },
    );
    return { shipped: shipToolkitBatch.shipped.length, waited: shipToolkitBatch.waited, error: null };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { shipped: null, waited: [], error: error.code === 'BAD_USER_INPUT' ? 'problem.invalid' : 'form.error.unexpected' };
  }
}

export default function ToolkitPacking() {
  const t = useT();
  const lang = useLanguage();
  const { requests } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader above={<BackLink to="/toolkit">{t('toolkit.back')}</BackLink>} title={t('toolkit.packing.title')} description={t('toolkit.packing.intro')} />
      {answer && 'shipped' in answer && answer.shipped !== null ? (
        <Alert color={answer.waited.length ? 'orange' : 'teal'} variant="light" data-testid="packing-result">
          <Text size="sm">{t('toolkit.packing.shipped', { count: formatCount(lang, answer.shipped) })}</Text>
          {answer.waited.length ? (
            <>
              <Text size="sm" mt={4}>
                {t('toolkit.packing.waited')}
              </Text>
              <List size="sm" data-testid="packing-waited">
                {answer.waited.map((wait: { id: string; reference: string; code: string; problem: string | null }) => (
                  <List.Item key={wait.id}>
                    <Anchor component={Link} to={`/toolkit/requests/${wait.id}`}>
                      {wait.reference}
                    </Anchor>
                    {' — '}
                    {wait.problem ? messageText(t, wait.problem) : t(wait.code === 'CONFLICT' ? 'records.conflict' : 'form.error.unexpected')}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Alert>
      ) : null}
      {answer && 'error' in answer && answer.error ? (
        <Alert color="red" variant="light" role="alert">
          {messageText(t, answer.error)}
        </Alert>
      ) : null}
      <Card withBorder padding={0}>
        <ActionForm reloadDocument data-testid="packing-form">
          <ListTable
            minWidth={0}
            items={requests}
            head={
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} />
                  <Table.Th>{t('toolkit.request.recipient')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('toolkit.request.items')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
            }
            empty={<EmptyRow columns={3}>{t('toolkit.packing.empty')}</EmptyRow>}
          >
            {(request) => (
              <Table.Tr key={request.id} data-testid="packing-row" data-id={request.id}>
                <Table.Td>
                  <Checkbox
                    name="request"
                    value={`${request.id}:${request.version}`}
                    defaultChecked
                    aria-label={t('toolkit.packing.select', { reference: request.reference })}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/toolkit/requests/${request.id}`} fw={600} size="sm">
                      {request.reference}
                    </Anchor>
                    <ToolkitStatusBadge status={request.status} />
                  </Group>
                  <Text size="sm">
                    {request.requesterName ?? (request.organization ? organizationName(lang, request.organization) : request.requesterOrganization)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[request.addressLine, request.city, request.provinceCode, request.postalCode].filter(Boolean).join(', ') || t('toolkit.packing.noAddress')}
                  </Text>
                  {request.postalCodeValid ? null : (
                    <Text size="xs" c="red.8">
                      {t('toolkit.packing.badPostalCode')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="xs">{request.lines.map((line) => `${line.quantity} × ${itemTitle(lang, line.item)}`).join(' · ')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </ListTable>
          {requests.length ? (
            <Group p="md" gap="sm">
              <Button type="submit" formAction="/toolkit/packing-pdf" variant="default" data-testid="packing-pdf">
                {t('toolkit.packing.print')}
              </Button>
              <Button type="submit" data-testid="packing-ship">
                {t('toolkit.packing.ship')}
              </Button>
            </Group>
          ) : null}
        </ActionForm>
      </Card>
    </Stack>
  );
}
