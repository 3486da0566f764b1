import type { MyFollowUpsQuery } from '@crm/staff-graphql';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import type { ComponentProps } from 'react';
import { useT } from '../../utils/i18n';
import { FollowUpOutcome, FollowUpSections } from '../outreach/follow-ups';

/**
 * How many follow-ups of each kind the home shows; the rest are one link away. Today's
 * come first in importance: a day's work is shown whole up to a point, whatever is overdue.
 */
export const homeFollowUpsShown = { overdue: 3, today: 8, week: 3 } as const;

/**
 * The viewer's follow-ups on their home: overdue, due today and later this week, the
 * first few with the same actions as /follow-ups (mark done and snooze post to the
 * home's own action, so the page stays). A coordinator always sees the panel; national
 * staff only when something is due (their home leads with the coalition's figures).
 */
export function HomeFollowUps({
  followUps,
  alwaysShown,
  answer,
}: {
  followUps: MyFollowUpsQuery['myFollowUps'];
  alwaysShown: boolean;
  answer?: ComponentProps<typeof FollowUpOutcome>['answer'];
}) {
  const t = useT();
  const { today, nodes } = followUps;
  if (!nodes.length && !alwaysShown && !answer) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-follow-ups-title" data-testid="home-follow-ups">
      <Title order={2} size="h4" mb="sm" id="home-follow-ups-title">
        {t('followUps.title')}
      </Title>
      <Stack gap="md">
        <FollowUpOutcome answer={answer} />
        {nodes.length === 0 ? <Text c="dimmed">{t('followUps.none')}</Text> : null}
        <FollowUpSections nodes={nodes} today={today} level={3} shown={homeFollowUpsShown} testId="home-follow-ups" />
      </Stack>
      <Group mt="sm">
        <Anchor component={Link} to="/follow-ups" size="sm" data-testid="home-follow-ups-all">
          {t('home.followUps.all', { count: nodes.length })}
        </Anchor>
      </Group>
    </Card>
  );
}
