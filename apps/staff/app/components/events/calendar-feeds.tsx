import { localizedName } from '@crm/i18n';
import { Button, Card, Code, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { ActionForm } from '../action-form';
import { DateTime } from '../date-time';
import { useLanguage, useT } from '../../utils/i18n';

/**
 * Subscribing a calendar app to a region's events: a secret address, shown once when
 * made (only its hash is kept), and the user's feeds, each revocable.
 */
export function CalendarFeeds({
  regions,
  feeds,
  newUrl,
}: {
  regions: readonly { id: string; nameEn: string; nameFr: string }[];
  feeds: readonly { id: string; regionId: string; createdAt: string; lastUsedAt: string | null }[];
  newUrl: string | null;
}) {
  const t = useT();
  const lang = useLanguage();
  const regionName = (id: string) => {
    const region = regions.find((entry) => entry.id === id);
    return region ? localizedName(lang, region) : '—';
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="feeds-title" data-testid="calendar-feeds">
      <Title order={2} size="h4" id="feeds-title" mb="xs">
        {t('calendar.feeds.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('calendar.feeds.intro')}
      </Text>
      {newUrl ? (
        <Stack gap={4} mb="md">
          <Text size="sm" fw={600}>
            {t('calendar.feeds.created')}
          </Text>
          <Code block data-testid="calendar-feed-url" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {newUrl}
          </Code>
        </Stack>
      ) : null}
      <ActionForm>
        <input type="hidden" name="intent" value="createFeed" />
        <Group align="flex-end" gap="sm">
          <NativeSelect
            name="regionId"
            label={t('events.filter.region')}
            data={regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))}
            w={{ base: '100%', sm: 220 }}
            data-testid="calendar-feed-region"
          />
          <Button type="submit" variant="default" data-testid="calendar-feed-create">
            {t('calendar.feeds.create')}
          </Button>
        </Group>
      </ActionForm>
      {feeds.length ? (
        <Stack gap="xs" mt="md" component="ul" style={{ listStyle: 'none', padding: 0 }}>
          {feeds.map((feed) => (
            <Group key={feed.id} component="li" justify="space-between" wrap="wrap" gap="xs" data-testid="calendar-feed">
              <Text size="sm">
                {regionName(feed.regionId)} · <DateTime value={feed.createdAt} />
              </Text>
              <ActionForm>
                <input type="hidden" name="intent" value="revokeFeed" />
                <input type="hidden" name="id" value={feed.id} />
                <Button type="submit" size="xs" variant="outline" color="red" data-testid="calendar-feed-revoke">
                  {t('calendar.feeds.revoke')}
                </Button>
              </ActionForm>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}
