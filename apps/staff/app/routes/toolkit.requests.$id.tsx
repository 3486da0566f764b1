import { subject } from '@crm/authz';
import { formatDateTime, localizedName } from '@crm/i18n';
import { MoveToolkitRequestDocument, ToolkitAssigneesDocument, ToolkitRequestDocument } from '@crm/staff-graphql';
import { Alert, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { DetailsCard, Fact, LongFact, RecordWithTimeline } from '../components/records/record-page';
import { RequestActions } from '../components/toolkit/request-actions';
import { ToolkitStatusBadge } from '../components/toolkit/toolkit-badges';
import { assertCsrf } from '../utils/csrf.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { organizationName } from '../utils/records';
import { withTimelinePage } from '../utils/records.server';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { abilityFor } from '../utils/viewer';
import { itemTitle, MoveToolkitRequestForm, toolkitRequestRecord, toolkitSourceKey, toolkitStatusKey } from '../utils/toolkit';
import { stepRefusal } from '../utils/toolkit.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'toolkit.title', data ? () => data.toolkitRequest.reference : null);

// GET /toolkit/requests/:id (?assignSearch=…: member organizations to assign it to).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'ToolkitRequest');
  const data = await withTimelinePage(request, (timelineAfter) => gql(ToolkitRequestDocument, { id: params.id ?? '', timelineAfter }, { request }));
  // Whom it could go to: only for those who may assign it, and only while it can be.
  const record = subject('ToolkitRequest', toolkitRequestRecord(data.toolkitRequest));
  const mayAssign = data.toolkitRequest.allowedSteps.includes('assign') && abilityFor(viewer).can('update', record, 'decision');
  const search = (new URL(request.url).searchParams.get('assignSearch') ?? '').trim().slice(0, 100);
  const assignees = mayAssign
    ? await gql(ToolkitAssigneesDocument, { search: search.length >= 2 ? search : undefined, first: 30 }, { request }).then((found) => ({
        search,
        owners: found.assignableOwners,
        organizations: found.organizations.nodes,
      }))
    : null;
  return { ...data, assignees };
}

// One step, at the version read with the page; errors go beside the step's fields.
export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'read', 'ToolkitRequest');
  const step = String(formData.get('step') ?? '');
  const submission = parseForm(formData, MoveToolkitRequestForm);
  if (submission.status !== 'success') return { step, result: submission.reply() };
  if (submission.value.id !== params.id) return { step, result: submission.reply({ formErrors: ['problem.invalid'] }) };
  let status: string;
  try {
    ({
      moveToolkitRequest: { status },
    } = await gql(MoveToolkitRequestDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { step, result: submission.reply(stepRefusal(error, ['assigneeId', 'assigneeOrganizationId', 'reason'])) };
  }
  throw safeRedirect(`/toolkit/requests/${params.id}?moved=${status}`);
}

export default function ToolkitRequestPage() {
  const t = useT();
  const lang = useLanguage();
  const { toolkitRequest: request, provinces, timeline, timelineAfter, assignees } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const moved = useSearchParams()[0].get('moved');
  const province = provinces.find((entry) => entry.code === request.provinceCode);
  const address = [request.addressLine, request.city, province ? localizedName(lang, province) : request.provinceCode, request.postalCode]
    .filter(Boolean)
    .join(', ');

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/toolkit">{t('toolkit.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="toolkit-reference">{t('toolkit.request.title', { reference: request.reference })}</span>
            <ToolkitStatusBadge status={request.status} />
          </Group>
        }
        description={t(toolkitSourceKey(request.source))}
      />
      {moved && !answer ? (
        <Alert color="teal" variant="light" data-testid="record-notice">
          {t('toolkit.request.moved', { status: t(toolkitStatusKey(request.status)) })}
        </Alert>
      ) : null}
      {request.erasedAt ? (
        <Alert color="gray" variant="light">
          {t('toolkit.request.erased', { date: formatDateTime(lang, request.erasedAt, { part: 'date' }) })}
        </Alert>
      ) : null}

      <RecordWithTimeline timeline={timeline} timelineAfter={timelineAfter}>
        <RequestActions request={request} answer={answer} assignees={assignees} />
        <Card withBorder padding="lg" component="section" aria-labelledby="items-title">
          <Title order={2} size="h4" id="items-title" mb="md">
            {t('toolkit.request.items')}
          </Title>
          <Table data-testid="toolkit-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('toolkit.request.item')}</Table.Th>
                <Table.Th ta="right">{t('toolkit.request.quantity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {request.lines.map((line) => (
                <Table.Tr key={line.itemId} data-testid="toolkit-line">
                  <Table.Td>
                    <Text size="sm">{itemTitle(lang, line.item)}</Text>
                    {line.item.kind === 'digital_file' ? (
                      <Text size="xs" c="dimmed">
                        {line.downloadedAt
                          ? `${t('toolkit.request.downloaded')} · ${formatDateTime(lang, line.downloadedAt)}`
                          : t('toolkit.request.notDownloaded')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{line.quantity}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <DetailsCard
          below={
            <>
              {request.declineReason ? <LongFact label={t('toolkit.request.declineReason')}>{request.declineReason}</LongFact> : null}
              {request.note ? (
                <LongFact label={t('toolkit.request.note')} style={{ whiteSpace: 'pre-wrap' }}>
                  {request.note}
                </LongFact>
              ) : null}
            </>
          }
        >
          <Fact label={t('toolkit.request.organization')}>
            <Text size="sm">{request.organization ? organizationName(lang, request.organization) : (request.requesterOrganization ?? '—')}</Text>
          </Fact>
          <Fact label={t('toolkit.request.recipient')}>
            <Text size="sm" data-testid="toolkit-recipient">
              {request.requesterName ?? '—'}
            </Text>
          </Fact>
          {request.requesterEmail ? (
            <Fact label={t('toolkit.request.email')}>
              <Text size="sm">{request.requesterEmail}</Text>
            </Fact>
          ) : null}
          <Fact label={t('toolkit.request.address')}>
            <Text size="sm" data-testid="toolkit-address">
              {address || '—'}
            </Text>
          </Fact>
          <Fact label={t('toolkit.request.language')}>
            <Text size="sm">{t(`languageName.${request.language}`)}</Text>
          </Fact>
          <Fact label={t('toolkit.request.assignee')}>
            <Text size="sm" data-testid="toolkit-assignee">
              {request.assigneeOrganization
                ? organizationName(lang, request.assigneeOrganization)
                : request.assigneeId
                  ? t('toolkit.request.assignee.someone')
                  : t('toolkit.request.assignee.none')}
            </Text>
          </Fact>
          <Fact label={t('toolkit.request.created')}>
            <Text size="sm">
              <DateTime value={request.createdAt} />
            </Text>
          </Fact>
          <Fact label={t('toolkit.request.statusSince')}>
            <Text size="sm">
              <DateTime value={request.statusChangedAt} />
            </Text>
          </Fact>
        </DetailsCard>
      </RecordWithTimeline>
    </Stack>
  );
}
