import { localized, localizedName, formatDate } from '@crm/i18n';
import { CampaignPageDocument } from '@crm/staff-graphql';
import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { GoalProgress } from '../components/outreach/goal-progress';
import { RecordOutcome } from '../components/records/record-page';
import { PageHeader } from '../components/page-header';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { orNotFound } from '../utils/records.server';
import { useAbility, useViewer } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'campaigns.title', data ? (lang) => localizedName(lang, data.campaign) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Campaign');
  return orNotFound(() => gql(CampaignPageDocument, { id: params.id ?? '' }, { request }));
}

export default function CampaignPage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { campaign, regions } = useLoaderData<typeof loader>();
  const regionName = (id: string | null | undefined) => {
    const region = regions.find((entry) => entry.id === id);
    return region ? localizedName(lang, region) : t('campaigns.goal.national');
  };
  const description = lang === 'fr' ? campaign.descriptionFr : campaign.descriptionEn;
  const asks = [...campaign.policyAsks].sort((a, b) => a.position - b.position);

  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader
        above={<BackLink to="/campaigns">{t('campaigns.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="campaign-name">{localizedName(lang, campaign)}</span>
            <Badge variant="outline" color={campaign.status === 'active' ? 'teal' : 'gray'}>
              {t(`campaigns.status.${campaign.status}`)}
            </Badge>
          </Group>
        }
        description={
          [campaign.startsOn, campaign.endsOn].some(Boolean)
            ? [campaign.startsOn, campaign.endsOn].map((date) => (date ? formatDate(lang, date) : '…')).join(' – ')
            : undefined
        }
        actions={
          <Group gap="xs">
            {ability.can('update', 'Campaign') ? (
              <Button component={Link} to={`/campaigns/${campaign.id}/edit`} data-testid="edit-campaign">
                {t('campaign.edit')}
              </Button>
            ) : null}
            {ability.can('read', 'Outreach') ? (
              <Button component={Link} to={`/outreach?campaignId=${campaign.id}`} variant="default">
                {t('campaigns.outreach')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <RecordOutcome answer={undefined} />
      {description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text> : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="goals-heading">
        <Stack gap="md">
          <div>
            <Title order={2} size="h4" id="goals-heading">
              {t('campaigns.goals')}
            </Title>
            {viewer?.role === 'COORDINATOR' ? (
              <Text size="sm" c="dimmed">
                {t('campaigns.goals.scope')}
              </Text>
            ) : null}
          </div>
          {campaign.goals.length ? (
            <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="goals">
              {campaign.goals.map((goal) => (
                <GoalProgress key={goal.id} goal={goal} place={regionName(goal.regionId)} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t('campaigns.goals.empty')}</Text>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="asks-heading">
        <Title order={2} size="h4" id="asks-heading" mb="xs">
          {t('campaign.policyAsks')}
        </Title>
        {asks.length ? (
          <List type="ordered" spacing="xs">
            {asks.map((ask) => (
              <List.Item key={ask.id}>{localized(lang, ask, 'title')}</List.Item>
            ))}
          </List>
        ) : (
          <Text c="dimmed">{t('campaign.policyAsks.empty')}</Text>
        )}
      </Card>
    </Stack>
  );
}
