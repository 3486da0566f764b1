import { formatDate } from '@crm/i18n';
import type { HomeEventFragment, HomeOrganizationFragment, HomePersonFragment, HomeQuery } from '@crm/staff-graphql';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { formatCount, useLanguage, useT } from '../../utils/i18n';
import { eventKindKey } from '../../utils/events';
import { pledgeKindKey } from '../../utils/pledges';
import { kindKey, organizationName, personName } from '../../utils/records';
import { DateTime } from '../date-time';
import { EventStatusBadge } from '../events/event-badges';
import { EventTime } from '../events/event-time';
import { PledgeStatusBadge } from '../pledges/pledge-badges';
import { ToolkitStatusBadge } from '../toolkit/toolkit-badges';
import { Panel } from './home-panels';

// The member contact's home (what their organization hosts, pledged and asked for) and
// "recently viewed" for those who work from records (issue 10). Each is a few rows that
// link to the record, and a link to the list the viewer may open.

function SeeAll({ to, label, testId }: { to: string; label: string; testId: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" fw={600} data-testid={testId}>
      {label}
    </Anchor>
  );
}

function Empty({ children, testId }: { children: string; testId: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {children}
    </Text>
  );
}

/** One row: a link that may wrap (never widens a phone's page), a line under it, a badge on the right. */
function Row({ to, title, detail, badge, testId }: { to: string; title: string; detail: React.ReactNode; badge: React.ReactNode; testId: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start" data-testid={testId}>
      <Stack gap={0} miw={0}>
        <Anchor component={Link} to={to} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Anchor>
        <Text size="xs" c="dimmed" component="div">
          {detail}
        </Text>
      </Stack>
      {badge}
    </Group>
  );
}

function EventRows({ events }: { events: readonly HomeEventFragment[] }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Stack gap="xs">
      {events.map((event) => (
        <Row
          key={event.id}
          to={`/events/${event.id}`}
          title={lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn}
          detail={
            <>
              {t(eventKindKey(event.kind))} · <EventTime event={event} size="xs" />
            </>
          }
          badge={<EventStatusBadge status={event.status} />}
          testId="home-hosted-event"
        />
      ))}
    </Stack>
  );
}

/** The events the organization hosts: the next few, then the last few held. */
export function HostedEventsPanel({
  upcoming,
  past,
  total,
}: {
  upcoming: NonNullable<HomeQuery['hostedUpcoming']>;
  past: readonly HomeEventFragment[];
  total: number;
}) {
  const t = useT();
  const lang = useLanguage();
  // An event under way is in both answers (it ends after now, started before): shown as coming up.
  const upcomingIds = new Set(upcoming.nodes.map((event) => event.id));
  const held = past.filter((event) => !upcomingIds.has(event.id));
  return (
    <Panel
      title={t('home.hosted.title')}
      testId="home-hosted-events"
      footer={<SeeAll to="/events" label={t('home.hosted.all', { count: formatCount(lang, total) })} testId="home-hosted-all" />}
    >
      {upcoming.nodes.length || held.length ? (
        <Stack gap="sm">
          {upcoming.nodes.length ? (
            <Stack gap={4}>
              <Title order={3} size="h6">
                {t('home.hosted.upcoming')}
              </Title>
              <EventRows events={upcoming.nodes} />
            </Stack>
          ) : null}
          {held.length ? (
            <Stack gap={4}>
              <Title order={3} size="h6">
                {t('home.hosted.past')}
              </Title>
              <EventRows events={held} />
            </Stack>
          ) : null}
        </Stack>
      ) : (
        <Empty testId="home-hosted-empty">{t('home.hosted.empty')}</Empty>
      )}
    </Panel>
  );
}

/** The organization's pledges, newest first, with their status. */
export function OrganizationPledgesPanel({ pledges, organizationId }: { pledges: NonNullable<HomeQuery['organizationPledges']>; organizationId: string }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Panel
      title={t('home.pledges.title')}
      testId="home-organization-pledges"
      footer={
        <SeeAll
          to={`/pledges?organization=${organizationId}`}
          label={t('home.pledges.all', { count: formatCount(lang, pledges.totalCount ?? pledges.nodes.length) })}
          testId="home-pledges-all"
        />
      }
    >
      {pledges.nodes.length ? (
        <Stack gap="xs">
          {pledges.nodes.map((pledge) => (
            <Row
              key={pledge.id}
              to={`/pledges/${pledge.id}`}
              title={t(pledgeKindKey(pledge.kind))}
              detail={pledge.dueOn ? t('pledges.due', { date: formatDate(lang, pledge.dueOn) }) : <DateTime value={pledge.createdAt} />}
              badge={<PledgeStatusBadge status={pledge.status} />}
              testId="home-pledge"
            />
          ))}
        </Stack>
      ) : (
        <Empty testId="home-pledges-empty">{t('home.pledges.empty')}</Empty>
      )}
    </Panel>
  );
}

/** Toolkit requests the organization asked for, or delivers, with their status. */
export function OrganizationRequestsPanel({
  requests,
  organizationId,
}: {
  requests: NonNullable<HomeQuery['organizationRequests']>['nodes'];
  organizationId: string;
}) {
  const t = useT();
  return (
    <Panel
      title={t('home.requests.title')}
      testId="home-organization-requests"
      footer={<SeeAll to="/toolkit" label={t('home.requests.all')} testId="home-requests-all" />}
    >
      {requests.length ? (
        <Stack gap="xs">
          {requests.map((request) => (
            <Row
              key={request.id}
              to={`/toolkit/requests/${request.id}`}
              title={request.reference}
              detail={
                <>
                  {t(request.organizationId === organizationId ? 'home.requests.asked' : 'home.requests.delivering')} ·{' '}
                  <DateTime value={request.statusChangedAt} />
                </>
              }
              badge={<ToolkitStatusBadge status={request.status} />}
              testId="home-request"
            />
          ))}
        </Stack>
      ) : (
        <Empty testId="home-requests-empty">{t('home.requests.empty')}</Empty>
      )}
    </Panel>
  );
}

export type RecentEntry = { kind: 'person'; record: HomePersonFragment } | { kind: 'organization'; record: HomeOrganizationFragment };

/** The people and organizations this user opened last on this browser, newest first. */
export function RecentlyViewedPanel({ recent }: { recent: readonly RecentEntry[] }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Panel title={t('home.viewed.title')} testId="home-recently-viewed">
      {recent.length ? (
        <Stack gap="xs">
          {recent.map((entry) =>
            entry.kind === 'person' ? (
              <Row
                key={entry.record.id}
                to={`/people/${entry.record.id}`}
                title={personName(entry.record)}
                detail={[entry.record.city, entry.record.provinceCode].filter(Boolean).join(' · ')}
                badge={
                  <Badge variant="light" color="gray" size="sm">
                    {t('home.viewed.person')}
                  </Badge>
                }
                testId="home-viewed"
              />
            ) : (
              <Row
                key={entry.record.id}
                to={`/organizations/${entry.record.id}`}
                title={organizationName(lang, entry.record)}
                detail={[t(kindKey(entry.record.kind)), entry.record.city, entry.record.provinceCode].filter(Boolean).join(' · ')}
                badge={
                  <Badge variant="light" color="gray" size="sm">
                    {t('home.viewed.organization')}
                  </Badge>
                }
                testId="home-viewed"
              />
            ),
          )}
        </Stack>
      ) : (
        <Empty testId="home-viewed-empty">{t('home.viewed.empty')}</Empty>
      )}
    </Panel>
  );
}
