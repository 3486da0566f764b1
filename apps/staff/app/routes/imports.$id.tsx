import { encodeProblem, isProblemCode, type ProblemParams } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import {
  CancelImportDocument,
  DryRunImportDocument,
  ImportBatchDocument,
  ImportMappingDocument,
  RunImportDocument,
  SetImportMappingDocument,
  type ImportBatchFieldsFragment,
  type ImportRowFate,
} from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Progress, Radio, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { ActionForm } from '../components/action-form';
import { EmptyRow, ListTable } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { fieldLabel } from '../utils/audit-view';
import { apiFormErrors } from '../utils/form-errors.server';
import { assertCsrf } from '../utils/csrf.server';
import { isPlainMessageKey, messageText } from '../utils/messages';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { orNotFound } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'imports.title');

const fates = ['CREATE', 'UPDATE', 'SKIP', 'ERROR'] as const;
// Where the records of each import target are listed (the finished import links there).
const listOf: Record<string, string> = { people: '/people', organizations: '/organizations', outreach: '/outreach' };
const rowsPageSize = 25;

// One page per batch; what it shows follows the batch's status:
// uploaded → columns; validating → progress; validated → dry run; importing → progress; imported → done.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'import', 'Person');
  const id = params.id ?? '';
  const search = new URL(request.url).searchParams;
  const fateParam = search.get('fate');
  const fate = (fates as readonly string[]).includes(fateParam ?? '') ? (fateParam as ImportRowFate) : undefined;
  const { importBatch: batch } = await orNotFound(() => gql(ImportBatchDocument, { id, withRows: false }, { request }));
  if (batch.status === 'UPLOADED' || batch.status === 'MAPPED' || (search.get('step') === 'mapping' && batch.status === 'VALIDATED')) {
    const mapping = await gql(ImportMappingDocument, { id }, { request });
    return { step: 'mapping' as const, batch, guess: mapping.guessImportMapping, rows: null, fate };
  }
  if (batch.status === 'VALIDATED' || batch.status === 'IMPORTED') {
    const data = await gql(ImportBatchDocument, { id, withRows: true, fate, first: rowsPageSize, after: search.get('after') || undefined }, { request });
    return {
      step: batch.status === 'VALIDATED' ? ('dryRun' as const) : ('done' as const),
      batch: data.importBatch,
      guess: null,
      rows: data.importRows ?? null,
      fate,
    };
  }
  return { step: 'progress' as const, batch, guess: null, rows: null, fate };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'import', 'Person');
  const batchId = params.id ?? '';
  const intent = formData.get('intent');
  try {
    if (intent === 'map') {
      const mapping = [...formData.entries()]
        .filter(([name]) => name.startsWith('column.'))
        .map(([name, value]) => ({ column: Number(name.slice('column.'.length)), field: typeof value === 'string' && value ? value : null }));
      await gql(
        SetImportMappingDocument,
        {
          input: {
            batchId,
            mapping,
            duplicatePolicy: formData.get('duplicatePolicy') === 'UPDATE' ? 'UPDATE' : 'SKIP',
            skipInvalidRows: formData.get('skipInvalidRows') === 'on',
          },
        },
        { request },
      );
      await gql(DryRunImportDocument, { batchId }, { request });
    } else if (intent === 'run') await gql(RunImportDocument, { batchId }, { request });
    else if (intent === 'cancel') await gql(CancelImportDocument, { batchId }, { request });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.error(`[staff] import ${intent} refused (${error.code}): ${error.message}`);
    const [first] = apiFormErrors(error, []).formErrors;
    return {
      error: isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey),
      detail: error.code === 'BAD_USER_INPUT' ? error.message : null,
    };
  }
  throw safeRedirect(`/imports/${batchId}`);
}

function stepIndex(status: ImportBatchFieldsFragment['status'], step: string): number {
  if (step === 'mapping') return 0;
  if (status === 'VALIDATING' || status === 'VALIDATED') return 1;
  if (status === 'IMPORTING') return 2;
  return 3;
}

function Counts({ items }: { items: [PlainMessageKey, number, string][] }) {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      {items.map(([label, value, color]) => (
        <Card key={label} withBorder padding="sm" data-testid={`count-${label.split('.').pop()}`}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t(label)}
          </Text>
          <Text size="xl" fw={700} c={color}>
            {value.toLocaleString()}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function ImportBatchPage() {
  const t = useT();
  const lang = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { batch } = data;
  const running = batch.status === 'VALIDATING' || batch.status === 'IMPORTING';

  // A running dry run or import: ask again every second until it is done.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  const listHref = listOf[batch.kind] ?? '/';
  const { counts, progress } = batch;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('imports.title')}
        description={t('imports.summary', { filename: batch.filename, rows: String(batch.rowCount), encoding: batch.encoding })}
        actions={<Badge variant="light">{lang === 'fr' ? batch.target.labelFr : batch.target.labelEn}</Badge>}
      />
      <Stepper active={stepIndex(batch.status, data.step)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.step.mapping')} />
        <Stepper.Step label={t('imports.step.dryRun')} />
        <Stepper.Step label={t('imports.step.import')} />
        <Stepper.Step label={t('imports.step.done')} />
      </Stepper>

      {answer?.error ? (
        <Alert color="red" variant="light" data-testid="import-error">
          {t(answer.error)}
          {answer.detail ? (
            <Text size="xs" c="dimmed">
              {answer.detail}
            </Text>
          ) : null}
        </Alert>
      ) : null}

      {data.step === 'mapping' && data.guess ? (
        <Card withBorder padding={0}>
          <ActionForm data-testid="import-mapping">
            <input type="hidden" name="intent" value="map" />
            <Table verticalSpacing="xs" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.mapping.column')}</Table.Th>
                  <Table.Th>{t('imports.mapping.samples')}</Table.Th>
                  <Table.Th>{t('imports.mapping.field')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.guess.columns.map((column) => {
                  const chosen = batch.mapping?.find((entry) => entry.column === column.column)?.field ?? column.field ?? '';
                  return (
                    <Table.Tr key={column.column}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {column.header}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {column.samples.join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          name={`column.${column.column}`}
                          aria-label={column.header}
                          defaultValue={chosen}
                          size="xs"
                          data={[
                            { value: '', label: t('imports.mapping.ignore') },
                            ...(data.guess?.fields ?? []).map((field) => ({
                              value: field.name,
                              label: `${lang === 'fr' ? field.labelFr : field.labelEn}${field.required ? ' *' : ''}`,
                            })),
                          ]}
                          data-testid="mapping-select"
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Stack gap="md" p="md">
              <Radio.Group name="duplicatePolicy" label={t('imports.duplicates')} defaultValue={batch.duplicatePolicy ?? 'SKIP'}>
                <Group gap="lg" mt={6}>
                  <Radio value="SKIP" label={t('imports.duplicates.SKIP')} />
                  <Radio value="UPDATE" label={t('imports.duplicates.UPDATE')} data-testid="duplicates-update" />
                </Group>
              </Radio.Group>
              <Group justify="flex-end">
                <Button type="submit" loading={navigation.state === 'submitting'} data-testid="dry-run">
                  {t('imports.dryRun')}
                </Button>
              </Group>
            </Stack>
          </ActionForm>
        </Card>
      ) : null}

      {data.step === 'progress' ? (
        <Card withBorder padding="lg" data-testid="import-progress">
          {batch.status === 'VALIDATING' || batch.status === 'IMPORTING' ? (
            <Stack gap="sm">
              <Text fw={600}>{t(batch.status === 'VALIDATING' ? 'imports.validating' : 'imports.importing')}</Text>
              {(() => {
                const done = batch.status === 'VALIDATING' ? progress.validatedRows : progress.appliedRows;
                const total = batch.status === 'VALIDATING' ? batch.rowCount : progress.rowsToApply;
                return (
                  <>
                    <Progress
                      value={total ? (100 * done) / total : 0}
                      animated
                      size="lg"
                      aria-label={t(batch.status === 'VALIDATING' ? 'imports.validating' : 'imports.importing')}
                      data-testid="progress-bar"
                    />
                    <Text size="sm" c="dimmed">
                      {t('imports.progress', { done: done.toLocaleString(), total: total.toLocaleString() })}
                    </Text>
                  </>
                );
              })()}
              <ActionForm>
                <input type="hidden" name="intent" value="cancel" />
                <Button type="submit" variant="subtle" color="red" size="xs">
                  {t('imports.cancel')}
                </Button>
              </ActionForm>
            </Stack>
          ) : (
            <Alert color={batch.status === 'FAILED' ? 'red' : 'gray'} variant="light" data-testid="import-stopped">
              {batch.status === 'FAILED' ? t('imports.failed', { reason: batch.lastError ?? '—' }) : t('imports.cancelled')}
            </Alert>
          )}
        </Card>
      ) : null}

      {data.step === 'dryRun' ? (
        <Stack gap="md">
          <Counts
            items={[
              ['imports.count.create', counts.create, 'teal'],
              ['imports.count.update', counts.update, 'blue'],
              ['imports.count.skip', counts.skip, 'gray'],
              ['imports.count.error', counts.error, counts.error ? 'red' : 'gray'],
            ]}
          />
          {counts.error > 0 ? (
            <Alert color="orange" variant="light" data-testid="import-left-out">
              {counts.error === 1 ? t('imports.run.leftOut.one') : t('imports.run.leftOut', { count: counts.error.toLocaleString() })}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button component={Link} to={`/imports/${batch.id}?step=mapping`} variant="default">
              {t('imports.remap')}
            </Button>
            <ActionForm>
              <input type="hidden" name="intent" value="run" />
              <Button type="submit" loading={navigation.state === 'submitting'} data-testid="run-import">
                {t('imports.run')}
              </Button>
            </ActionForm>
          </Group>
        </Stack>
      ) : null}

      {data.step === 'done' ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" data-testid="import-done">
            {t('imports.done')}
          </Alert>
          <Counts
            items={[
              ['imports.count.created', counts.created, 'teal'],
              ['imports.count.updated', counts.updated, 'blue'],
              ['imports.count.skipped', counts.skipped, 'gray'],
              ['imports.count.failed', counts.failed + counts.error, counts.failed + counts.error ? 'red' : 'gray'],
            ]}
          />
          <Group>
            <Button component={Link} to={listHref} data-testid="open-list">
              {t('imports.open')}
            </Button>
            {counts.failed + counts.error > 0 ? (
              <Button component="a" href={`/imports/${batch.id}/rejected`} variant="default" download data-testid="rejected-csv">
                {t('imports.rejected')}
              </Button>
            ) : null}
            <Button component={Link} to="/imports/new" variant="subtle">
              {t('imports.another')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      {data.rows ? (
        <Card withBorder padding={0}>
          <Group p="sm" justify="space-between">
            <Title order={2} size="h5">
              {data.step === 'done' ? t('imports.rows.title') : t('imports.step.dryRun')}
            </Title>
            <Form method="get">
              <Group gap="xs">
                <NativeSelect
                  name="fate"
                  size="xs"
                  aria-label={t('imports.rows.fate')}
                  defaultValue={data.fate ?? ''}
                  data={[{ value: '', label: t('imports.rows.all') }, ...fates.map((fate) => ({ value: fate, label: t(`imports.fate.${fate}`) }))]}
                  data-testid="fate-filter"
                />
                <Button type="submit" size="xs" variant="default">
                  {t('filter.apply')}
                </Button>
              </Group>
            </Form>
          </Group>
          <ListTable
            minWidth={800}
            verticalSpacing="xs"
            data-testid="import-rows"
            items={data.rows.nodes}
            // On a phone each row is a card (the values would run off the screen).
            columns={[
              { key: 'line', label: t('imports.rows.line'), w: 70 },
              { key: 'fate', label: t('imports.rows.fate'), w: 130, card: 'plain' },
              { key: 'values', label: t('imports.rows.values'), card: 'plain' },
              { key: 'problems', label: t('imports.rows.problems'), card: 'plain' },
            ]}
            empty={
              <EmptyRow columns={4} size="sm" py="md">
                {t('imports.rows.empty')}
              </EmptyRow>
            }
          >
            {(row) => (
              <Table.Tr key={row.rowNumber} data-testid="import-row" data-fate={row.fate ?? ''}>
                <Table.Td>{row.lineNumber}</Table.Td>
                <Table.Td>
                  {row.applied ? (
                    // A finished import says what happened to the row, not what the dry run planned.
                    <Badge
                      variant="light"
                      style={{ overflow: 'visible' }}
                      color={{ CREATED: 'teal', UPDATED: 'blue', SKIPPED: 'gray', FAILED: 'red' }[row.applied]}
                    >
                      {t(`imports.applied.${row.applied}`)}
                    </Badge>
                  ) : row.fate ? (
                    <Badge variant="light" style={{ overflow: 'visible' }} color={{ CREATE: 'teal', UPDATE: 'blue', SKIP: 'gray', ERROR: 'red' }[row.fate]}>
                      {t(`imports.fate.${row.fate}`)}
                    </Badge>
                  ) : null}
                  {row.matchId ? (
                    <Anchor component={Link} to={`${listHref}/${row.matchId}`} size="xs" display="block" data-testid="matched-record">
                      {t('imports.rows.matched')}
                    </Anchor>
                  ) : row.duplicateOfRow ? (
                    <Text size="xs" c="dimmed">
                      {t('imports.rows.sameAs', { row: String(row.duplicateOfRow) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} maw={420}>
                    {row.cells.filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.problems.map((problem, index) => {
                    const column = problem.column ?? (problem.field ? fieldLabel(t, problem.field) : '');
                    const message =
                      problem.code && isProblemCode(problem.code)
                        ? messageText(t, encodeProblem({ code: problem.code, params: (problem.params ?? undefined) as ProblemParams | undefined }))
                        : problem.message;
                    // "First Name: This field is required." (the column and its problem ran together).
                    return (
                      <Text key={index} size="xs" c={problem.warning ? 'var(--crm-color-note)' : 'red.8'}>
                        {column ? t('imports.rows.problem', { column, message }) : message}
                      </Text>
                    );
                  })}
                </Table.Td>
              </Table.Tr>
            )}
          </ListTable>
        </Card>
      ) : null}
      {data.rows ? <Pager endCursor={data.rows.pageInfo.endCursor} hasNextPage={data.rows.pageInfo.hasNextPage} /> : null}
      <Anchor component={Link} to="/imports/new" size="sm">
        {t('imports.another')}
      </Anchor>
    </Stack>
  );
}
