import { formatDate } from '@crm/i18n';
import { CompleteFollowUpDocument, MyFollowUpsDocument, SnoozeFollowUpDocument, type MyFollowUpsQuery } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { ActionForm } from '../components/action-form';
import { PageHeader } from '../components/page-header';
import { assertCsrf } from '../utils/csrf.server';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { recordErrorKey } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'followUps.title');

type FollowUp = MyFollowUpsQuery['myFollowUps']['nodes'][number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Outreach');
  const { myFollowUps } = await gql(MyFollowUpsDocument, {}, { request });
  return myFollowUps;
}

const FollowUpAction = z.object({
  intent: z.enum(['done', 'snooze']),
  id: z.guid(),
  version: z.coerce.number().int().min(1),
  until: z.iso.date().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Outreach');
  const parsed = FollowUpAction.safeParse(Object.fromEntries(formData));
  if (!parsed.success || (parsed.data.intent === 'snooze' && !parsed.data.until)) return { ok: false as const, error: 'problem.date' as const };
  const { intent, id, version, until } = parsed.data;
  try {
    if (intent === 'done') {
      await gql(CompleteFollowUpDocument, { input: { id, version } }, { request });
      return { ok: true as const, done: true, until: null };
    }
    await gql(SnoozeFollowUpDocument, { input: { id, version, until: until! } }, { request });
    return { ok: true as const, done: false, until: until! };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false as const, error: recordErrorKey(error) };
    throw error;
  }
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function FollowUpCard({ item, today }: { item: FollowUp; today: string }) {
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
          <ActionForm>
            <input type="hidden" name="intent" value="done" />
            <input type="hidden" name="id" value={item.id} />
            <input type="hidden" name="version" value={item.version} />
            <Button type="submit" size="sm" variant="light" data-testid="follow-up-done">
              {t('followUps.done')}
            </Button>
          </ActionForm>
          <ActionForm>
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

function Section({ title, items, today, testId }: { title: string; items: FollowUp[]; today: string; testId: string }) {
  if (!items.length) return null;
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4">
        {title} ({items.length})
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <FollowUpCard key={item.id} item={item} today={today} />
        ))}
      </Stack>
    </Stack>
  );
}

export default function FollowUps() {
  const t = useT();
  const lang = useLanguage();
  const { today, nodes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const overdue = nodes.filter((item) => item.followUpOn! < today);
  const dueToday = nodes.filter((item) => item.followUpOn === today);
  const week = nodes.filter((item) => item.followUpOn! > today);

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        title={t('followUps.title')}
        actions={
          <Button component={Link} to="/outreach/log" data-testid="log-contact">
            {t('nav.logContact')}
          </Button>
        }
      />
      {answer?.ok ? (
        <Alert color="teal" variant="light" role="status" data-testid="follow-up-outcome">
          {answer.done ? t('followUps.marked') : t('followUps.snoozed', { date: formatDate(lang, answer.until!) })}
        </Alert>
      ) : null}
      {answer && !answer.ok ? (
        <Alert color="red" variant="light" role="alert" data-testid="follow-up-outcome">
          {t(answer.error)}
        </Alert>
      ) : null}
      {nodes.length === 0 ? <Text data-testid="follow-ups-none">{t('followUps.none')}</Text> : null}
      <Section title={t('followUps.overdue')} items={overdue} today={today} testId="follow-ups-overdue" />
      <Section title={t('followUps.today')} items={dueToday} today={today} testId="follow-ups-today" />
      <Section title={t('followUps.week')} items={week} today={today} testId="follow-ups-week" />
    </Stack>
  );
}
