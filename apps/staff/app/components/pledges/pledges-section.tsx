import type { PledgeListFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate, localized } from '@crm/i18n';
import { Link } from '@remix-run/react';
import { formatCount, useLanguage, useT } from '../../utils/i18n';
import { pledgeKindKey } from '../../utils/pledges';
import { OverdueBadge, PledgeStatusBadge } from './pledge-badges';

/**
 * The pledges of one person, organization or event on its page: each pledge (a link to
 * its page) with its status and due date, "Record a pledge" pre-filled with this record,
 * and the whole list when there are more.
 */
export function PledgesSection({
  pledges,
  totalCount,
  newHref,
  listHref,
  showPledger = false,
}: {
  pledges: readonly PledgeListFieldsFragment[];
  totalCount: number;
  /** Null: the viewer may not record one here. */
  newHref: string | null;
  listHref: string;
  /** On an event's page: who pledged (on a pledger's own page, it is them). */
  showPledger?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pledges-title" data-testid="pledges-section">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="pledges-title">
            {t('pledges.section.title')}
          </Title>
          {newHref ? (
            <Button component={Link} to={newHref} size="sm" data-testid="record-pledge">
              {t('pledges.record')}
            </Button>
          ) : null}
        </Group>
        {pledges.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="pledges-section-empty">
            {t('pledges.section.empty')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {pledges.map((pledge) => (
              <Group key={pledge.id} component="li" gap="xs" wrap="wrap" data-testid="pledge-item" data-id={pledge.id}>
                <Anchor component={Link} to={`/pledges/${pledge.id}`} size="sm" fw={600} data-testid="pledge-link">
                  {t(pledgeKindKey(pledge.kind))}
                </Anchor>
                <PledgeStatusBadge status={pledge.status} />
                <OverdueBadge since={pledge.overdueSince} status={pledge.status} />
                {showPledger && pledge.pledgerName ? <Text size="sm">{pledge.pledgerName}</Text> : null}
                {pledge.dueOn ? (
                  <Text size="sm" c="dimmed">
                    {t('pledges.due', { date: formatDate(lang, pledge.dueOn) })}
                  </Text>
                ) : null}
                {!showPledger && pledge.eventId && pledge.eventTitleEn ? (
                  <Text size="sm" c="dimmed">
                    {localized(lang, { titleEn: pledge.eventTitleEn, titleFr: pledge.eventTitleFr ?? pledge.eventTitleEn }, 'title')}
                  </Text>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
        {totalCount > pledges.length ? (
          <Anchor component={Link} to={listHref} size="sm" data-testid="pledges-section-all">
            {t('pledges.section.all', { count: formatCount(lang, totalCount) })}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}
