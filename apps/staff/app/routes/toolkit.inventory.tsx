import { getFormProps } from '@conform-to/react';
import { RecordStockMovementDocument, ToolkitInventoryDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { FormAlert, SelectField, TextField } from '../components/form-fields';
import { EmptyRow, ListTable } from '../components/list-table';
import { StockOnHand } from '../components/toolkit/toolkit-badges';
import { ExportButtons } from '../components/export-buttons';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';
import { itemTitle, StockMovementForm, toolkitEditionKey, toolkitKindKey, toolkitMovementKey } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.inventory.title');

const pageSize = 50;

// GET /toolkit/inventory (?item=<id>: that item's movements only). Stock on hand, low-stock
// warnings, the movements that make it, and the form that receives or adjusts stock.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'update', 'ToolkitItem');
  const params = new URL(request.url).searchParams;
  const item = /^[0-9a-f-]{36}$/i.test(params.get('item') ?? '') ? params.get('item')! : '';
  const data = await loadListPage('/toolkit/inventory', params, (after) =>
    gql(ToolkitInventoryDocument, { itemId: item || undefined, first: pageSize, after }, { request }),
  );
  return { ...data, item };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'ToolkitItem');
  const submission = parseForm(formData, StockMovementForm);
  if (submission.status !== 'success') return { result: submission.reply(), done: null };
  try {
    const { recordStockMovement } = await gql(RecordStockMovementDocument, { input: submission.value }, { request });
    return { result: submission.reply({ resetForm: true }), done: recordStockMovement };
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: ['itemId', 'kind', 'quantity', 'reason'] }), done: null };
  }
}

export default function ToolkitInventory() {
  const t = useT();
  const lang = useLanguage();
  const navigation = useNavigation();
  const { toolkitItems, toolkitMovements, item } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const items = toolkitItems.nodes;
  const stocked = items.filter((i) => i.kind !== 'digital_file');
  const low = stocked.filter((i) => i.onHand <= i.lowStockThreshold);
  const titles = new Map(items.map((i) => [i.id, itemTitle(lang, i)]));
  const [form, fields] = useAppForm(StockMovementForm, { id: 'stock-movement', lastResult: answer?.result, defaultValue: { kind: 'received', itemId: item } });
  const done = answer?.done;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/toolkit">{t('toolkit.back')}</BackLink>}
        title={t('toolkit.inventory.title')}
        description={t('toolkit.inventory.intro')}
        actions={
          <>
            <Button component={Link} to="/toolkit/catalogue" variant="default" data-testid="inventory-catalogue">
              {t('toolkit.catalogue')}
            </Button>
            <ExportButtons href="/toolkit/export?list=items" testId="export-items" />
          </>
        }
      />
      {low.length ? (
        <Alert color="orange" variant="light" data-testid="low-stock">
          {t('toolkit.inventory.lowStock', { items: low.map((i) => `${itemTitle(lang, i)} (${formatCount(lang, i.onHand)})`).join(', ') })}
        </Alert>
      ) : null}

      <Card withBorder padding={0}>
        <ListTable
          minWidth={0}
          data-testid="inventory-table"
          items={items}
          head={
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('toolkit.inventory.column.item')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('toolkit.inventory.column.kind')}</Table.Th>
                <Table.Th ta="right">{t('toolkit.inventory.column.onHand')}</Table.Th>
                <Table.Th ta="right" visibleFrom="sm">
                  {t('toolkit.inventory.column.threshold')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
          }
          empty={<EmptyRow columns={4}>{t('publicToolkit.empty')}</EmptyRow>}
        >
          {(row) => (
            <Table.Tr key={row.id} data-testid="inventory-row" data-id={row.id}>
              <Table.Td>
                <Anchor component={Link} to={`/toolkit/inventory?item=${row.id}`} size="sm" fw={600}>
                  {itemTitle(lang, row)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(toolkitEditionKey(row.language))}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{t(toolkitKindKey(row.kind))}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <StockOnHand item={row} />
              </Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                <Text size="sm">{row.kind === 'digital_file' ? '—' : formatCount(lang, row.lowStockThreshold)}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="move-title">
          <Title order={2} size="h4" id="move-title" mb="md">
            {t('toolkit.inventory.move.title')}
          </Title>
          {done ? (
            <Alert color="teal" variant="light" mb="md" data-testid="movement-done">
              {t('toolkit.inventory.move.done', { item: titles.get(done.id) ?? '', onHand: formatCount(lang, done.onHand) })}
            </Alert>
          ) : null}
          <ActionForm {...getFormProps(form)} data-testid="movement-form">
            <Stack gap="sm">
              <FormAlert form={form} />
              <SelectField
                field={fields.itemId}
                label={t('toolkit.inventory.move.item')}
                data={[{ value: '', label: '—' }, ...stocked.map((i) => ({ value: i.id, label: itemTitle(lang, i) }))]}
                data-testid="movement-item"
              />
              <SelectField
                field={fields.kind}
                label={t('toolkit.inventory.move.kind')}
                data={[
                  { value: 'received', label: t('toolkit.inventory.move.received') },
                  { value: 'adjusted', label: t('toolkit.inventory.move.adjusted') },
                ]}
                data-testid="movement-kind"
              />
              <TextField
                field={fields.quantity}
                type="number"
                label={t('toolkit.inventory.move.quantity')}
                description={t('toolkit.inventory.move.quantity.help')}
                data-testid="movement-quantity"
              />
              <TextField field={fields.reason} label={t('toolkit.inventory.move.reason')} data-testid="movement-reason" />
              <Group>
                <Button type="submit" loading={navigation.state === 'submitting'} data-testid="movement-submit">
                  {t('toolkit.inventory.move.submit')}
                </Button>
              </Group>
            </Stack>
          </ActionForm>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="movements-title">
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Title order={2} size="h4" id="movements-title">
                {t('toolkit.inventory.movements')}
              </Title>
              <Group gap="xs">
                <ExportButtons href={`/toolkit/export?list=movements${item ? `&itemId=${item}` : ''}`} testId="export-movements" />
              </Group>
            </Group>
            <Form method="get">
              <Group align="flex-end" gap="xs">
                <NativeSelect
                  name="item"
                  label={t('toolkit.inventory.move.item')}
                  defaultValue={item}
                  data={[{ value: '', label: t('toolkit.inventory.movements.all') }, ...items.map((i) => ({ value: i.id, label: itemTitle(lang, i) }))]}
                  style={{ flex: 1, minWidth: 0 }}
                />
                <Button type="submit" variant="default">
                  {t('toolkit.assign.search.submit')}
                </Button>
              </Group>
            </Form>
            <Table data-testid="movements-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('toolkit.inventory.movements.at')}</Table.Th>
                  <Table.Th>{t('toolkit.inventory.move.item')}</Table.Th>
                  <Table.Th ta="right">{t('toolkit.inventory.move.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {toolkitMovements.nodes.length === 0 ? (
                  <EmptyRow columns={3}>{t('toolkit.inventory.movements.empty')}</EmptyRow>
                ) : (
                  toolkitMovements.nodes.map((movement) => (
                    <Table.Tr key={movement.id} data-testid="movement-row" data-kind={movement.kind}>
                      <Table.Td>
                        <DateTime value={movement.at} stacked />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{titles.get(movement.itemId) ?? '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {t(toolkitMovementKey(movement.kind))}
                          {movement.reason ? ` · ${movement.reason}` : ''}
                          {movement.requestId ? (
                            <>
                              {' · '}
                              <Anchor component={Link} to={`/toolkit/requests/${movement.requestId}`} size="xs" underline="always">
                                {movement.requestId.slice(0, 8).toUpperCase()}
                              </Anchor>
                            </>
                          ) : null}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" fw={600} c={movement.quantity < 0 ? 'red.9' : undefined}>
                          {movement.quantity > 0 ? '+' : '−'}
                          {formatCount(lang, Math.abs(movement.quantity))}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
            <Pager endCursor={toolkitMovements.pageInfo.endCursor} hasNextPage={toolkitMovements.pageInfo.hasNextPage} />
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
