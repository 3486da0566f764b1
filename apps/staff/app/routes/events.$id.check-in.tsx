import { EventCheckInDocument } from '@crm/staff-graphql';
import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useFetcher, useLoaderData, useSearchParams } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { ActionForm, CsrfInput } from '../components/action-form';
import { BackLink } from '../components/back-link';
import { EventTime } from '../components/events/event-time';
import { eventAction } from '../utils/event-actions.server';
import { rsvpKey } from '../utils/events';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { personName } from '../utils/records';
import { gql } from '../utils/graphql.server';
import { orNotFound } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'event.checkIn', data ? () => data.event.titleEn : null);

// Check-in at the door, on a phone held in one hand: the list filtered as one types
// (in the browser; `?q=` before JavaScript), one large button per guest, a walk-in in a few fields.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Person');
  return orNotFound(() => gql(EventCheckInDocument, { id: params.id ?? '' }, { request }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return eventAction(request, params.id);
}

/** Accent- and case-blind text, for matching what is typed against names. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export default function CheckIn() {
  const t = useT();
  const lang = useLanguage();
  const { event } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState(searchParams.get('q') ?? '');
  const title = lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn;
  const words = fold(query).split(/\s+/).filter(Boolean);
  const guests = (event.rsvps ?? []).filter((rsvp) => {
    const name = fold(personName(rsvp.person));
    return words.every((word) => name.includes(word));
  });
  const walkInForm = useRef<HTMLFormElement>(null);
  // A walk-in added: clear the form for the next one.
  useEffect(() => {
    if (answer?.done === 'walkIn') walkInForm.current?.reset();
  }, [answer]);
  const counts = event.rsvpCounts;

  return (
    <Stack gap="md" maw={640} mx="auto" data-testid="check-in">
      <BackLink to={`/events/${event.id}`}>{t('checkIn.back')}</BackLink>
      <Stack gap={4}>
        <Title order={1} size="h3">
          {t('checkIn.title', { title })}
        </Title>
        <EventTime event={event} />
        <Text size="sm" fw={600} data-testid="check-in-summary" data-attended={counts.attended} data-walk-ins={counts.walkIns}>
          {t('checkIn.summary', { attended: counts.attended, walkIns: counts.walkIns, yes: counts.yes })}
        </Text>
      </Stack>

      {answer?.error ? (
        <Alert color="red" variant="light" data-testid="check-in-error">
          {t(answer.error)}
        </Alert>
      ) : null}
      {answer?.done === 'walkIn' ? (
        <Alert color="teal" variant="light" data-testid="walk-in-added">
          {t('checkIn.walkIn.added')}
        </Alert>
      ) : null}

      <Form method="get" role="search">
        <TextInput
          name="q"
          type="search"
          size="lg"
          label={t('checkIn.search')}
          placeholder={t('checkIn.placeholder')}
          value={query}
          onChange={(change) => setQuery(change.currentTarget.value)}
          autoComplete="off"
          data-testid="check-in-search"
        />
      </Form>

      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="check-in-list">
        {guests.map((rsvp) => (
          <GuestRow key={rsvp.person.id} rsvp={rsvp} />
        ))}
      </Stack>
      {guests.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="check-in-no-match">
          {t('checkIn.noMatch')}
        </Text>
      ) : null}

      <Card withBorder padding="md" component="section" aria-labelledby="walk-in-title">
        <Title order={2} size="h4" id="walk-in-title" mb="sm">
          {t('checkIn.walkIn.title')}
        </Title>
        <ActionForm ref={walkInForm} data-testid="walk-in-form">
          <input type="hidden" name="intent" value="walkIn" />
          <Stack gap="sm">
            <TextInput name="firstName" label={t('checkIn.walkIn.firstName')} required size="md" autoComplete="off" data-testid="walk-in-first-name" />
            <TextInput name="lastName" label={t('checkIn.walkIn.lastName')} size="md" autoComplete="off" data-testid="walk-in-last-name" />
            <TextInput name="email" type="email" label={t('checkIn.walkIn.email')} size="md" autoComplete="off" data-testid="walk-in-email" />
            <TextInput name="phone" type="tel" label={t('checkIn.walkIn.phone')} size="md" autoComplete="off" data-testid="walk-in-phone" />
            <Checkbox name="consentEmail" label={t('checkIn.walkIn.consentEmail')} size="md" data-testid="walk-in-consent" />
            <Button type="submit" size="lg" fullWidth data-testid="walk-in-add">
              {t('checkIn.walkIn.add')}
            </Button>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}

type Guest = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['event']['rsvps']>[number];

/** One guest: their name and answer, and a thumb-sized button that ticks (or un-ticks) their arrival without leaving the list. */
function GuestRow({ rsvp }: { rsvp: Guest }) {
  const t = useT();
  const fetcher = useFetcher<typeof action>();
  // Shown at once; the list re-reads after the answer.
  const pending = fetcher.formData?.get('attended');
  const arrived = pending !== undefined && pending !== null ? pending !== 'false' : Boolean(rsvp.checkedInAt);
  const name = personName(rsvp.person);
  return (
    <li data-testid="check-in-row" data-person-id={rsvp.person.id} data-arrived={arrived ? 'true' : 'false'}>
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {name}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t(rsvpKey(rsvp.response))}
              </Text>
              {arrived ? (
                <Badge color="teal" size="sm">
                  {t('checkIn.arrived')}
                </Badge>
              ) : null}
            </Group>
          </Stack>
          <fetcher.Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="checkIn" />
            <input type="hidden" name="personId" value={rsvp.person.id} />
            <input type="hidden" name="attended" value={arrived ? 'false' : 'true'} />
            <Button
              type="submit"
              size="md"
              miw={110}
              variant={arrived ? 'default' : 'filled'}
              color="teal"
              aria-label={`${arrived ? t('checkIn.undo') : t('checkIn.arrive')}: ${name}`}
              data-testid={arrived ? 'check-in-undo' : 'check-in-arrive'}
            >
              {arrived ? t('checkIn.undo') : t('checkIn.arrive')}
            </Button>
          </fetcher.Form>
        </Group>
      </Card>
    </li>
  );
}
