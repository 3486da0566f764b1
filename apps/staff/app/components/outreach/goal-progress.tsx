import type { CampaignGoalFieldsFragment } from '@crm/staff-graphql';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { formatCount, useLanguage, useT } from '../../utils/i18n';

/** One goal: its metric, where it counts, and a bar of the live count against the target. */
export function GoalProgress({ goal, place }: { goal: CampaignGoalFieldsFragment; place: string }) {
  const t = useT();
  const lang = useLanguage();
  const metric = t(`campaigns.metric.${goal.metric}`);
  const percent = goal.count === null || goal.count === undefined ? 0 : Math.min(100, Math.round((goal.count / goal.target) * 100));
  const figure =
    goal.count !== null && goal.count !== undefined
      ? t('campaigns.goal.progress', { count: formatCount(lang, goal.count), target: formatCount(lang, goal.target) })
      : goal.suppressed
        ? t('campaigns.goal.suppressed')
        : t('campaigns.goal.notCounted');
  return (
    <Stack gap={4} component="li" data-testid="goal" data-metric={goal.metric}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {metric} · <span style={{ fontWeight: 400 }}>{place}</span>
        </Text>
        <Text size="sm" data-testid="goal-figure">
          {figure}
        </Text>
      </Group>
      <Progress
        value={percent}
        size="lg"
        color={percent >= 100 ? 'teal' : 'blue'}
        // Mantine puts the label and the value on the bar's section (role="progressbar"); value
        // attributes given here would land on the frame, which has no role to carry them.
        aria-label={`${metric}, ${place}: ${figure}`}
      />
    </Stack>
  );
}
