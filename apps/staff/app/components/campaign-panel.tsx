import { formatDate, localized, localizedName, type Language, type Translate } from '@crm/i18n';
import type { DashboardQuery } from '@crm/staff-graphql';
import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useLanguage, useT } from '../utils/i18n';

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
