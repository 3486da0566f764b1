import { engagementStageValues } from '@crm/contracts';
import { formatDate, formatDateTime, localized } from '@crm/i18n';
import type { PersonEngagementQuery } from '@crm/staff-graphql';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useLanguage, useT } from '../../utils/i18n';
import { stageKey } from '../../utils/records';
import { OutreachItems } from './outreach-item';

type Engagement = NonNullable<PersonEngagementQuery['person']['engagement']>;

/** "Why they stand here", in words: the fact that earned the stage, or the override and who set it. */
function Explanation({ engagement, asks }: { engagement: Engagement; asks: PersonEngagementQuery['campaigns'][number]['policyAsks'] }) {
  const t = useT();
  const lang = useLanguage();
  const detail = Object.fromEntries(engagement.factDetail.map((entry) => [entry.key, entry.value]));
  const channel = detail.channel ? t(`outreach.channel.${detail.channel as 'call'}`).toLowerCase() : '';
  const ask = detail.policyAskId ? asks.find((entry) => entry.id === detail.policyAskId) : undefined;
  const say = t as unknown as (key: string, params: Record<string, string>) => string;
  return (
    <Stack gap={4} data-testid="ladder-explanation">
      {engagement.override ? (
        <Text size="sm" data-testid="ladder-override">
          <Badge size="sm" variant="outline" color="grape" mr={6}>
            {t(stageKey(engagement.override.stage))}
          </Badge>
          {t('ladder.override', {
            name: engagement.override.setByName ?? '—',
            date: engagement.override.setAt ? formatDateTime(lang, engagement.override.setAt, { part: 'date' }) : '—',
          })}
          {engagement.override.note ? ` ${engagement.override.note}` : ''}
        </Text>
      ) : null}
      {engagement.factKind && engagement.factOn ? (
        <Text size="sm" data-testid="ladder-reason">
          <strong>{t(stageKey(engagement.derivedStage))}</strong> —{' '}
          {say(`ladder.fact.${engagement.factKind}`, { date: formatDate(lang, engagement.factOn), channel })}
          {ask ? ` ${t('ladder.policyAsk', { ask: localized(lang, ask, 'title') })}` : ''}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" data-testid="ladder-reason">
          {t('ladder.none')}
        </Text>
      )}
      {engagement.override && engagement.override.stage !== engagement.derivedStage ? (
        <Text size="xs" c="dimmed">
          {t('ladder.derived', { stage: t(stageKey(engagement.derivedStage)) })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The ladder and the latest contacts on a person's page. */
export function EngagementPanel({ data, personId, canLog }: { data: PersonEngagementQuery; personId: string; canLog: boolean }) {
  const t = useT();
  const engagement = data.person.engagement;
  const current = engagementStageValues.indexOf(engagement.stage);
  const asks = data.campaigns.flatMap((campaign) => campaign.policyAsks);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ladder-heading" data-testid="engagement-panel">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="ladder-heading">
            {t('ladder.title')}
          </Title>
          {canLog ? (
            <Button component={Link} to={`/outreach/log?personId=${personId}`} size="sm" data-testid="person-log-contact">
              {t('person.outreach.log')}
            </Button>
          ) : null}
        </Group>
        <Group gap={4} wrap="wrap" component="ol" aria-label={t('ladder.steps')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {engagementStageValues.map((stage, index) => (
            <Badge
              key={stage}
              component="li"
              variant={index === current ? 'filled' : index < current ? 'light' : 'outline'}
              color={index <= current ? 'teal' : 'gray'}
              aria-current={index === current ? 'step' : undefined}
            >
              {t(stageKey(stage))}
            </Badge>
          ))}
        </Group>
        <Explanation engagement={engagement} asks={asks} />
        <Title order={3} size="h5">
          {t('person.outreach')}
        </Title>
        {data.outreachList.nodes.length ? (
          <OutreachItems items={data.outreachList.nodes} showPerson={false} testId="person-outreach" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('person.outreach.empty')}
          </Text>
        )}
        {data.outreachList.pageInfo.hasNextPage ? (
          <Anchor component={Link} to={`/outreach?personId=${personId}`} size="sm">
            {t('person.outreach.all')}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}
