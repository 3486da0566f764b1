import { formatDate, type PlainMessageKey } from '@crm/i18n';
import type { MyFollowUpsQuery } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useLanguage, useT } from '../../utils/i18n';
import { ActionForm } from '../action-form';

// A user's follow-ups — overdue, due today, this week — with the actions that close or
// move each one: /follow-ups shows them all, the home page the first few.

export type FollowUp = MyFollowUpsQuery['myFollowUps']['nodes'][number];
type Answer = { ok: true; done: boolean; until: string | null } | { ok: false; error: PlainMessageKey };

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Overdue, due today, later this week (the API answers those due within 7 days, oldest first). */
export function splitFollowUps(nodes: readonly FollowUp[], today: string) {
  return {
    overdue: nodes.filter((item) => item.followUpOn! < today),
    dueToday: nodes.filter((item) => item.followUpOn === today),
    week: nodes.filter((item) => item.followUpOn! > today),
  };
}

export function FollowUpCard({ item, today, action }: { item: FollowUp; today: string; action?: string }) {
  const t = useT();
  const lang = useLanguage();
  const closeHref = `/outreach/log?personId=${item.personId}&closes=${item.id}&closesOn=${item.followUpOn}`;
  return (
    <Card withBorder padding="sm" component="li" data-testid="follow-up" data-follow-up-id={item.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to={`/people/${item.personId}`} fw={600}>
            {item.personName}
          </Anchor>
          <Text size="sm" c={item.followUpOn! < today ? 'red.8' : undefined}>
            {t('followUps.due', { date: formatDate(lang, item.followUpOn!) })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('followUps.from', {
            outcome: t(`outreach.outcome.${item.outcome}`),
            channel: t(`outreach.channel.${item.channel}`).toLowerCase(),
            date: formatDate(lang, item.occurredOn),
          })}
        </Text>
        {item.notes ? (
          <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
            {item.notes}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Button component={Link} to={closeHref} size="sm" data-testid="log-closing">
            {t('followUps.logClosing')}
          </Button>
          <ActionForm action={action}>
            <input type="hidden" name="intent" value="done" />
            <input type="hidden" name="id" value={item.id} />
            <input type="hidden" name="version" value={item.version} />
            <Button type="submit" size="sm" variant="light" data-testid="follow-up-done">
              {t('followUps.done')}
            </Button>
          </ActionForm>
          <ActionForm action={action}>
            <Group gap={4} wrap="nowrap" align="flex-end">
              <input type="hidden" name="intent" value="snooze" />
              <input type="hidden" name="id" value={item.id} />
              <input type="hidden" name="version" value={item.version} />
              <TextInput
                type="date"
                name="until"
                size="sm"
                label={t('followUps.snoozeUntil')}
                defaultValue={addDays(today, 7)}
                min={addDays(today, 1)}
                required
              />
              <Button type="submit" size="sm" variant="default" data-testid="follow-up-snooze">
                {t('followUps.snooze')}
              </Button>
            </Group>
          </ActionForm>
        </Group>
      </Stack>
    </Card>
  );
}

/** One group of follow-ups under its heading with the count; nothing when empty. */
export function FollowUpSection({
  title,
  items,
  today,
  testId,
  level = 2,
  action,
  shown,
}: {
  title: string;
  items: FollowUp[];
  today: string;
  testId: string;
  level?: 2 | 3;
  action?: string;
  /** At most this many (the heading still counts them all). */
  shown?: number;
}) {
  if (!items.length) return null;
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={testId}>
      <Title order={level} size={level === 2 ? 'h4' : 'h5'}>
        {title} ({items.length})
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.slice(0, shown).map((item) => (
          <FollowUpCard key={item.id} item={item} today={today} action={action} />
        ))}
      </Stack>
    </Stack>
  );
}

const sections = [
  { key: 'overdue', group: 'overdue', title: 'followUps.overdue' },
  { key: 'today', group: 'dueToday', title: 'followUps.today' },
  { key: 'week', group: 'week', title: 'followUps.week' },
] as const;

export type FollowUpSectionKey = (typeof sections)[number]['key'];

/**
 * Overdue, due today and this week, each under its heading (`<testId>-overdue` …):
 * the follow-ups page shows them all, the home at most `shown` of each.
 */
export function FollowUpSections({
  nodes,
  today,
  testId,
  level,
  shown,
}: {
  nodes: readonly FollowUp[];
  today: string;
  testId: string;
  level?: 2 | 3;
  shown?: Record<FollowUpSectionKey, number>;
}) {
  const t = useT();
  const groups = splitFollowUps(nodes, today);
  return (
    <>
      {sections.map(({ key, group, title }) => (
        <FollowUpSection key={key} level={level} title={t(title)} items={groups[group]} shown={shown?.[key]} today={today} testId={`${testId}-${key}`} />
      ))}
    </>
  );
}

/** What "Mark done" or "Snooze" just did, or why it was refused. */
export function FollowUpOutcome({ answer }: { answer: Answer | undefined }) {
  const t = useT();
  const lang = useLanguage();
  if (!answer) return null;
  return answer.ok ? (
    <Alert color="teal" variant="light" role="status" data-testid="follow-up-outcome">
      {answer.done ? t('followUps.marked') : t('followUps.snoozed', { date: formatDate(lang, answer.until!) })}
    </Alert>
  ) : (
    <Alert color="red" variant="light" role="alert" data-testid="follow-up-outcome">
      {t(answer.error)}
    </Alert>
  );
}
