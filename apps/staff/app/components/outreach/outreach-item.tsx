import { formatDate } from '@crm/i18n';
import type { OutreachFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useLanguage, useT } from '../../utils/i18n';

const outcomeColor: Record<string, string> = { committed: 'teal', interested: 'blue', followUpNeeded: 'orange', declined: 'gray', noAnswer: 'gray' };

/** One contact as a card: fits a phone and a wide screen alike. */
export function OutreachItem({ item, showPerson = true }: { item: OutreachFieldsFragment; showPerson?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Card withBorder padding="sm" component="li" data-testid="outreach-item" data-outreach-id={item.id}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            {showPerson ? (
              <Anchor component={Link} to={`/people/${item.personId}`} fw={600}>
                {item.personName}
              </Anchor>
            ) : null}
            <Badge variant="light" color={outcomeColor[item.outcome] ?? 'gray'}>
              {t(`outreach.outcome.${item.outcome}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`outreach.channel.${item.channel}`)} · {formatDate(lang, item.occurredOn)}
          </Text>
        </Group>
        {item.notes ? (
          <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {item.notes}
          </Text>
        ) : null}
        <Group gap="md" wrap="wrap">
          {item.followUpOn && !item.followUpDoneAt ? (
            <Text size="xs">
              {t('outreach.item.followUp', { date: formatDate(lang, item.followUpOn) })}
              {item.followUpOwnerName ? ` (${item.followUpOwnerName})` : ''}
            </Text>
          ) : null}
          {item.createdByName ? (
            <Text size="xs" c="dimmed">
              {t('outreach.item.by', { name: item.createdByName })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

export function OutreachItems({ items, showPerson = true, testId }: { items: OutreachFieldsFragment[]; showPerson?: boolean; testId: string }) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {items.map((item) => (
        <OutreachItem key={item.id} item={item} showPerson={showPerson} />
      ))}
    </Stack>
  );
}
