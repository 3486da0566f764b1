import { subject } from '@crm/authz';
import { eventTransitions, type RsvpAnswer } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { EventDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { BackLink } from '../components/back-link';
import { EventStatusBadge } from '../components/events/event-badges';
import { EventMailNotices } from '../components/events/event-mail-notices';
import { EventTime } from '../components/events/event-time';
import { RsvpExport } from '../components/events/rsvp-export';
import { EmptyRow, ListTable } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { EventPledges } from '../components/pledges/event-pledges';
import { DetailsCard, Fact, LongFact } from '../components/records/record-page';
import { RecordPicker } from '../components/records/record-picker';
import { eventAction } from '../utils/event-actions.server';
import { eventKindKey, eventMoveKey, eventStatusKey, rsvpKey } from '../utils/events';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { organizationName, personName, stageKey } from '../utils/records';
import { orNotFound } from '../utils/records.server';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'events.title', data ? () => data.event.titleEn : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Event');
  return orNotFound(() => gql(EventDocument, { id: params.id ?? '' }, { request }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  return eventAction(request, params.id);
}

const answers: RsvpAnswer[] = ['yes', 'maybe', 'no'];

export default function EventPage() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { event, campaigns, provinces } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const record = subject('Event', {
    provinceCode: event.provinceCode,
    ownerId: event.ownerId,
    createdById: event.createdById,
    organizationId: event.organizationId,
  });
  const canUpdate = ability.can('update', record);
  const worksWithPeople = ability.can('read', 'Person');
  const open = event.status !== 'held' && event.status !== 'cancelled';
  const title = lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn;
  const description = lang === 'fr' ? (event.descriptionFr ?? event.descriptionEn) : event.descriptionEn;
  const province = provinces.find((entry) => entry.code === event.provinceCode);
  const campaign = campaigns.find((entry) => entry.id === event.campaignId);
  const counts = event.rsvpCounts;
  const notice =
    doneNotice(t, answer?.done ?? null, answer?.count) ??
    (searchParams.get('created') ? t('event.created') : searchParams.get('saved') ? t('event.saved') : null);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/events">{t('events.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="event-title">{title}</span>
            <EventStatusBadge status={event.status} />
          </Group>
        }
        description={[t(eventKindKey(event.kind)), province ? localizedName(lang, province) : event.provinceCode].join(' · ')}
        actions={
          <Group gap="sm">
            <Button component="a" href={`/events/${event.id}/ics`} variant="default" data-testid="event-ics">
              {t('event.ics')}
            </Button>
            {worksWithPeople && event.status !== 'cancelled' ? (
              <Button component={Link} to={`/events/${event.id}/check-in`} variant="light" data-testid="open-check-in">
                {t('event.checkIn')}
              </Button>
            ) : null}
            {canUpdate && open ? (
              <Button component={Link} to={`/events/${event.id}/edit`} variant="default" data-testid="edit-event">
                {t('event.edit')}
              </Button>
            ) : null}
            {canUpdate
              ? eventTransitions[event.status].map((to) => (
                  <ActionForm key={to}>
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="status" value={to} />
                    <input type="hidden" name="version" value={event.version} />
                    <Button
                      type="submit"
                      color={to === 'cancelled' ? 'red' : 'teal'}
                      variant={to === 'cancelled' ? 'outline' : 'filled'}
                      data-testid={`move-${to}`}
                    >
                      {t(eventMoveKey(to))}
                    </Button>
                  </ActionForm>
                ))
              : null}
          </Group>
        }
      />

      {notice && !answer?.error ? (
        <Alert color="teal" variant="light" data-testid="event-notice">
          {notice}
        </Alert>
      ) : null}
      {answer?.error ? (
        <Alert color="red" variant="light" data-testid="event-error">
          {t(answer.error)}
        </Alert>
      ) : null}

      <DetailsCard below={description ? <LongFact label={t('event.section.description')}>{description}</LongFact> : null}>
        <Fact label={t('event.when')}>
          <EventTime event={event} />
        </Fact>
        <Fact label={t('event.where')}>
          <Text size="sm">{event.place ?? '—'}</Text>
          {event.onlineUrl ? (
            <Anchor href={event.onlineUrl} size="sm" target="_blank" rel="noreferrer">
              {t('event.online')}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('event.organizationId')}>
          {event.hostOrganization ? (
            <Anchor component={Link} to={`/organizations/${event.hostOrganization.id}`} size="sm">
              {organizationName(lang, event.hostOrganization)}
            </Anchor>
          ) : (
            <Text size="sm">—</Text>
          )}
        </Fact>
        <Fact label={t('event.hostPersonIds')}>
          <Text size="sm" data-testid="event-hosts">
            {event.hostLeaders?.length ? event.hostLeaders.map(personName).join(', ') : '—'}
          </Text>
        </Fact>
        <Fact label={t('event.capacity')}>
          <Text size="sm">{event.capacity ?? t('event.capacity.none')}</Text>
        </Fact>
        <Fact label={t('event.campaignId')}>
          <Text size="sm">{campaign ? organizationName(lang, campaign) : '—'}</Text>
        </Fact>
        <Fact label={t('events.column.rsvps')}>
          <Text size="sm" data-testid="event-counts">
            {t('event.counts', { yes: counts.yes, waitlisted: counts.waitlisted, attended: counts.attended, walkIns: counts.walkIns })}
          </Text>
        </Fact>
        <Fact label={t('event.headCount')}>
          {canUpdate && event.status !== 'cancelled' ? (
            <ActionForm>
              <input type="hidden" name="intent" value="headCount" />
              <input type="hidden" name="version" value={event.version} />
              <Group gap="xs" align="flex-end" wrap="wrap">
                <NumberInput name="headCount" aria-label={t('event.headCount')} defaultValue={event.headCount} min={0} w={110} data-testid="head-count" />
                <Button type="submit" variant="default" data-testid="save-head-count">
                  {t('event.headCount.save')}
                </Button>
              </Group>
            </ActionForm>
          ) : (
            <Text size="sm">{event.headCount}</Text>
          )}
        </Fact>
      </DetailsCard>
      <EventPledges event={event} />
      <RsvpExport event={event} />

      {worksWithPeople && event.rsvps ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="rsvps-title">
          <Title order={2} size="h4" id="rsvps-title" mb="md">
            {t('event.rsvps.title')}
          </Title>
          {open ? (
            <ActionForm data-testid="invite-form">
              <input type="hidden" name="intent" value="invite" />
              <Group align="flex-end" gap="sm" mb="md">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <RecordPicker kind="person" name="personIds" label={t('event.invite.title')} initial={[]} multiple testId="invite-people" />
                </div>
                <Button type="submit" data-testid="invite-submit">
                  {t('event.invite.submit')}
                </Button>
              </Group>
            </ActionForm>
          ) : null}
          <ListTable
            minWidth={560}
            data-testid="rsvps-table"
            items={event.rsvps}
            columns={[
              { key: 'name', label: t('event.rsvps.column.name'), card: 'title' },
              { key: 'response', label: t('event.rsvps.column.response') },
              { key: 'arrived', label: t('event.rsvps.column.arrived') },
            ]}
            empty={
              <EmptyRow columns={3} testId="rsvps-empty">
                {t('event.rsvps.empty')}
              </EmptyRow>
            }
          >
            {(rsvp) => (
              <Table.Tr key={rsvp.person.id} data-testid="rsvp-row" data-person-id={rsvp.person.id} data-response={rsvp.response}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${rsvp.person.id}`} size="sm">
                    {personName(rsvp.person)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(stageKey(rsvp.person.engagementStage))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {open && rsvp.response !== 'walk_in' ? (
                    <ActionForm>
                      <input type="hidden" name="intent" value="rsvp" />
                      <input type="hidden" name="personId" value={rsvp.person.id} />
                      <Group gap="xs" wrap="nowrap">
                        <NativeSelect
                          name="response"
                          aria-label={t('event.rsvps.answer', { name: personName(rsvp.person) })}
                          defaultValue={rsvp.response === 'waitlisted' ? 'yes' : rsvp.response}
                          data={[
                            ...(rsvp.response === 'invited' ? [{ value: 'invited', label: t('event.rsvp.invited'), disabled: true }] : []),
                            ...answers.map((value) => ({ value, label: t(rsvpKey(value)) })),
                          ]}
                          size="xs"
                          data-testid="rsvp-response"
                        />
                        <Button type="submit" size="xs" variant="default" data-testid="rsvp-save">
                          {t('event.rsvps.set')}
                        </Button>
                        {rsvp.response === 'waitlisted' ? (
                          <Badge color="yellow" variant="light">
                            {t('event.rsvp.waitlisted')}
                          </Badge>
                        ) : null}
                      </Group>
                    </ActionForm>
                  ) : (
                    <Text size="sm">{t(rsvpKey(rsvp.response))}</Text>
                  )}
                </Table.Td>
                <Table.Td>{rsvp.checkedInAt ? <Badge color="teal">{t('checkIn.arrived')}</Badge> : null}</Table.Td>
              </Table.Tr>
            )}
          </ListTable>
        </Card>
      ) : null}
      {worksWithPeople ? <EventMailNotices eventId={event.id} /> : null}
    </Stack>
  );
}

function doneNotice(t: ReturnType<typeof useT>, done: string | null, count?: number): string | null {
  if (!done) return null;
  if (done.startsWith('status:')) return t('event.moved', { status: t(eventStatusKey(done.slice(7) as never)) });
  if (done.startsWith('rsvp:')) return t('event.rsvp.saved', { response: t(rsvpKey(done.slice(5) as never)) });
  if (done === 'invite') return t('event.invite.done', { count: count ?? 0 });
  if (done === 'headCount') return t('event.headCount.saved');
  return null;
}
