import type { EventMailKind, EventMailOutcome, EventMailReason } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useFetcher } from '@remix-run/react';
import { useEffect } from 'react';
import type { loader } from '../../routes/events.$id.mail';
import { useT } from '../../utils/i18n';
import { personName } from '../../utils/records';

// Dark shades: AA contrast on white for small text.
const outcomeColor: Record<EventMailOutcome, string> = { queued: 'blue.8', sent: 'teal.9', failed: 'red.8', withheld: 'gray.7' };

/**
 * What was e-mailed to an event's guests, and what was withheld and why (decision 117):
 * one line per guest with the latest message of each kind. Loaded on its own
 * (`/events/<id>/mail`), so the event page only places it; it loads again after the
 * page's actions (an invitation, an answer), as Remix revalidates its fetchers.
 */
export function EventMailNotices({ eventId }: { eventId: string }) {
  const t = useT();
  const fetcher = useFetcher<typeof loader>();
  const { load } = fetcher;
  useEffect(() => {
    load(`/events/${eventId}/mail`);
  }, [load, eventId]);
  const guests = fetcher.data?.guests;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="event-mail-title" data-testid="event-mail">
      <Title order={2} size="h4" id="event-mail-title" mb={4}>
        {t('event.mail.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('event.mail.intro')}
      </Text>
      {fetcher.data?.failed ? (
        <Alert color="red" variant="light">
          {t('event.mail.unavailable')}
        </Alert>
      ) : !guests ? null : guests.length === 0 ? (
        <Text size="sm" data-testid="event-mail-empty">
          {t('event.mail.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {guests.map(({ person, notices }) => (
            <li key={person.id} data-testid="event-mail-guest" data-person-id={person.id}>
              <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={500}>
                {personName(person)}
              </Anchor>
              <Stack gap={2} mt={2}>
                {notices.map((notice) => (
                  <Text
                    key={notice.kind}
                    size="sm"
                    c={outcomeColor[notice.outcome]}
                    fw={notice.outcome === 'withheld' ? 400 : 500}
                    data-testid="event-mail-notice"
                    data-kind={notice.kind}
                    data-outcome={notice.outcome}
                    data-reason={notice.reason ?? ''}
                  >
                    {noticeText(t, notice.kind, notice.outcome, notice.reason ?? null)}
                  </Text>
                ))}
              </Stack>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function noticeText(t: ReturnType<typeof useT>, kind: EventMailKind, outcome: EventMailOutcome, reason: EventMailReason | null): string {
  const parts = { kind: t(`event.mail.kind.${kind}` as PlainMessageKey), outcome: t(`event.mail.outcome.${outcome}` as PlainMessageKey) };
  return reason ? t('event.mail.notice.withReason', { ...parts, reason: t(`event.mail.reason.${reason}` as PlainMessageKey) }) : t('event.mail.notice', parts);
}
