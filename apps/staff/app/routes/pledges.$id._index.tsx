import { SetPledgeStatusInput, type PledgeStatus } from '@crm/contracts';
import { formatDate, localized, translate, type PlainMessageKey } from '@crm/i18n';
import { PledgeDocument, SetPledgeStatusDocument, type TimelineFieldsFragment } from '@crm/staff-graphql';
import { Alert, Anchor, Grid, Group, Stack, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { PledgeMoves } from '../components/pledges/pledge-actions';
import { OverdueBadge, PledgeStatusBadge } from '../components/pledges/pledge-badges';
import { DetailsCard, Fact, LongFact, RecordOutcome } from '../components/records/record-page';
import { RecordTimeline } from '../components/records/timeline';
import { assertCsrf } from '../utils/csrf.server';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { pledgeKindKey, pledgeStatusKey } from '../utils/pledges';
import { organizationName, ownerLabel } from '../utils/records';
import { recordErrorKey, withOwners } from '../utils/records.server';
import { useViewer } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(
    matches,
    'pledges.title',
    data ? (lang) => [translate(lang, pledgeKindKey(data.pledge.kind)), data.pledge.pledgerName].filter(Boolean).join(' · ') : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Pledge');
  return withOwners(request, viewer, gql(PledgeDocument, { id: params.id ?? '' }, { request }));
}

// One lifecycle move at the version read with the page; evidence travels with "fulfilled".
export async function action({ request, params }: ActionFunctionArgs): Promise<{ error: PlainMessageKey | null; moved: string | null }> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Pledge');
  const input = SetPledgeStatusInput.safeParse({
    id: params.id,
    version: Number(formData.get('version')),
    status: formData.get('status'),
    ...(formData.has('evidence') ? { evidence: String(formData.get('evidence')) } : {}),
  });
  if (!input.success) return { error: 'problem.invalid' as PlainMessageKey, moved: null };
  try {
    const { setPledgeStatus } = await gql(SetPledgeStatusDocument, { input: input.data }, { request });
    return { error: null, moved: setPledgeStatus.status };
  } catch (error) {
    return { error: recordErrorKey(error), moved: null };
  }
}

export default function PledgePage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const { pledge, campaigns, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const campaign = campaigns.find((entry) => entry.id === pledge.campaignId);
  const ask = campaign?.policyAsks.find((entry) => entry.id === pledge.policyAskId);
  const pledgerHref = pledge.personId ? `/people/${pledge.personId}` : `/organizations/${pledge.organizationId}`;
  // Its history reads as a timeline: who moved it when, and what changed (names of fields, never values).
  const history = pledge.history
    .map((entry): TimelineFieldsFragment => ({
      id: entry.id,
      at: entry.at,
      kind: entry.kind,
      actorId: entry.actorId,
      actorName: entry.actorName,
      recordType: 'Pledge',
      summary: { fields: entry.fields },
    }))
    .reverse();

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/pledges">{t('pledges.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="pledge-title">{t(pledgeKindKey(pledge.kind))}</span>
            <PledgeStatusBadge status={pledge.status} />
            <OverdueBadge since={pledge.overdueSince} status={pledge.status} />
          </Group>
        }
        description={pledge.pledgerName ?? undefined}
      />

      {answer?.moved ? (
        <Alert color="teal" variant="light" data-testid="pledge-moved">
          {t('pledge.moved', { status: t(pledgeStatusKey(answer.moved as PledgeStatus)) })}
        </Alert>
      ) : null}
      <RecordOutcome answer={answer} />

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <PledgeMoves pledge={pledge} />
            <DetailsCard
              below={
                <>
                  {pledge.evidence ? (
                    <LongFact label={t('pledge.evidence')} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="pledge-evidence">
                      {pledge.evidence}
                    </LongFact>
                  ) : null}
                  {pledge.notes ? (
                    <LongFact label={t('records.notes')} style={{ whiteSpace: 'pre-wrap' }}>
                      {pledge.notes}
                    </LongFact>
                  ) : null}
                </>
              }
            >
              <Fact label={t('pledge.pledger')}>
                {pledge.pledgerName ? (
                  <Anchor component={Link} to={pledgerHref} size="sm" data-testid="pledge-pledger">
                    {pledge.pledgerName}
                  </Anchor>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Fact>
              <Fact label={t('pledge.campaign')}>
                <Text size="sm">{campaign ? organizationName(lang, campaign) : '—'}</Text>
              </Fact>
              {ask ? (
                <Fact label={t('pledge.policyAsk')}>
                  <Text size="sm" data-testid="pledge-policy-ask">
                    {localized(lang, ask, 'title')}
                  </Text>
                </Fact>
              ) : null}
              <Fact label={t('pledge.dueOn')}>
                <Text size="sm">{pledge.dueOn ? formatDate(lang, pledge.dueOn) : '—'}</Text>
              </Fact>
              {pledge.overdueSince ? (
                <Fact label={t('pledge.overdueSince')}>
                  <Text size="sm">{formatDate(lang, pledge.overdueSince)}</Text>
                </Fact>
              ) : null}
              <Fact label={t('pledge.event')}>
                {pledge.eventId && pledge.eventTitleEn ? (
                  <Anchor component={Link} to={`/events/${pledge.eventId}`} size="sm" data-testid="pledge-event">
                    {localized(lang, { titleEn: pledge.eventTitleEn, titleFr: pledge.eventTitleFr ?? pledge.eventTitleEn }, 'title')}
                  </Anchor>
                ) : (
                  <Text size="sm">—</Text>
                )}
              </Fact>
              {pledge.outreachId && pledge.personId ? (
                <Fact label={t('pledge.outreach')}>
                  <Anchor component={Link} to={`/outreach?person=${pledge.personId}`} size="sm" data-testid="pledge-outreach">
                    {t('pledge.outreach.linked')}
                  </Anchor>
                </Fact>
              ) : null}
              <Fact label={t('pledge.owner')}>
                <Text size="sm">{ownerLabel(t, pledge.ownerId, viewer?.id, owners)}</Text>
              </Fact>
              {pledge.fulfilledAt ? (
                <Fact label={t('pledge.fulfilledAt')}>
                  <Text size="sm">
                    <DateTime value={pledge.fulfilledAt} />
                  </Text>
                </Fact>
              ) : null}
              <Fact label={t('records.updated')}>
                <Text size="sm">
                  <DateTime value={pledge.updatedAt} />
                </Text>
              </Fact>
            </DetailsCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RecordTimeline entries={history} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
