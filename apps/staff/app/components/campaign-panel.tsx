import { formatDate, localized, localizedName, type Language, type Translate } from '@crm/i18n';
import type { DashboardQuery } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useLanguage, useT } from '../utils/i18n';
import { GoalProgress } from './outreach/goal-progress';

type Campaign = DashboardQuery['defaultCampaign'];

function campaignDates(t: Translate, lang: Language, { startsOn, endsOn }: Campaign): string | undefined {
  if (startsOn && endsOn) return t('campaign.dates.range', { start: formatDate(lang, startsOn), end: formatDate(lang, endsOn) });
  if (startsOn) return t('campaign.dates.from', { start: formatDate(lang, startsOn) });
  if (endsOn) return t('campaign.dates.until', { end: formatDate(lang, endsOn) });
  return undefined;
}

export function CampaignPanel({ campaign, unreachable }: { campaign: Campaign | null; unreachable: boolean }) {
  const t = useT();
  const lang = useLanguage();

  if (!campaign) {
    return (
      <Alert color="orange" variant="light" title={t('campaign.unavailable')} data-testid="campaign-unavailable">
        {unreachable ? t('campaign.unavailable.unreachable') : null}
      </Alert>
    );
  }

  const dates = campaignDates(t, lang, campaign);
  const asks = [...campaign.policyAsks].sort((a, b) => a.position - b.position);

  return (
    <Card withBorder padding="xl" component="section" aria-labelledby="campaign-name">
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="light">{t('campaign.default')}</Badge>
        </Group>
        <div>
          <Title order={2} id="campaign-name" data-testid="campaign-name">
            {localizedName(lang, campaign)}
          </Title>
          {dates ? (
            <Text c="dimmed" mt={4} data-testid="campaign-dates">
              {dates}
            </Text>
          ) : null}
        </div>
        {campaign.goals ? <NationalGoals campaign={campaign} /> : null}
        <div>
          <Title order={3} size="h4" mb="xs">
            {t('campaign.policyAsks')}
          </Title>
          {asks.length > 0 ? (
            <List type="ordered" spacing="xs" data-testid="policy-asks">
              {asks.map((ask) => (
                <List.Item key={ask.id}>{localized(lang, ask, 'title')}</List.Item>
              ))}
            </List>
          ) : (
            <Text c="dimmed" data-testid="policy-asks">
              {t('campaign.policyAsks.empty')}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}

/** The campaign's national goals against live counts; the regions' are on the campaign page. */
function NationalGoals({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const national = (campaign.goals ?? []).filter((goal) => !goal.regionId);
  return (
    <section aria-labelledby="home-goals-heading" data-testid="home-goals">
      <Title order={3} size="h4" mb="xs" id="home-goals-heading">
        {t('campaigns.goals')}
      </Title>
      {national.length ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {national.map((goal) => (
            <GoalProgress key={goal.id} goal={goal} place={t('campaigns.goal.national')} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('campaigns.goals.empty')}</Text>
      )}
      <Anchor component={Link} to={`/campaigns/${campaign.id}`} size="sm" mt="sm" display="inline-block" data-testid="home-goals-all">
        {t('home.campaign.allGoals')}
      </Anchor>
    </section>
  );
}
