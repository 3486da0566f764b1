import { Id } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import { CreateCalendarFeedDocument, EventCalendarDocument, EventsDocument, MyCalendarFeedsDocument, RevokeCalendarFeedDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useLocation, useNavigate } from '@remix-run/react';
import { DateTime as Luxon } from 'luxon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Calendar, luxonLocalizer, Views, type EventProps, type View } from 'react-big-calendar';
import calendarStyles from 'react-big-calendar/lib/css/react-big-calendar.css?url';
import { useCalendarAriaRepair, WeekHeader } from '../components/events/calendar-aria';
import { CalendarFeeds } from '../components/events/calendar-feeds';
import { EventTime } from '../components/events/event-time';
import { assertCsrf } from '../utils/csrf.server';
import { recordErrorKey } from '../utils/records.server';
import { EventFilters } from '../components/events/event-filters';
import { EventsViewSwitch } from '../components/events/events-nav';
import { PageHeader } from '../components/page-header';
import { addDays, eventFilter, eventFiltersFrom } from '../utils/events';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events.view.calendar');
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: calendarStyles }];

const day = /^\d{4}-\d{2}-\d{2}$/;
const calendarHeight = 720;

/** The period the calendar shows: a month (with the days of the weeks around it) or a week, from `?view=&date=`. */
function periodOf(params: URLSearchParams) {
  const view: 'month' | 'week' = params.get('view') === 'week' ? 'week' : 'month';
  const given = params.get('date') ?? '';
  const date = day.test(given) && !Number.isNaN(Date.parse(given)) ? given : new Date().toISOString().slice(0, 10);
  const [y, m] = date.split('-').map(Number);
  const first = view === 'month' ? `${date.slice(0, 8)}01` : date;
  const last = view === 'month' ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) : addDays(date, 6);
  // A week either side: the month grid shows the neighbouring days too.
  return { view, date, from: addDays(first, -7), to: addDays(last, 7) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Event');
  const params = new URL(request.url).searchParams;
  const filters = eventFiltersFrom(params);
  const period = periodOf(params);
  const [calendar, options, feeds] = await Promise.all([
    gql(EventCalendarDocument, { filter: eventFilter({ ...filters, from: period.from, to: period.to }) }, { request }),
    gql(EventsDocument, { first: 1 }, { request }),
    gql(MyCalendarFeedsDocument, {}, { request }),
  ]);
  return {
    events: calendar.events,
    campaigns: options.campaigns,
    regions: options.regions,
    feeds: feeds.myCalendarFeeds,
    filters: { ...filters, from: '', to: '' },
    period,
  };
}

// A region feed made (its address shown once, on this staff app's public path) or revoked.
export async function action({ request }: ActionFunctionArgs): Promise<{ feedUrl: string | null; error: PlainMessageKey | null }> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'read', 'Event');
  const intent = formData.get('intent');
  const id = Id.safeParse(formData.get(intent === 'createFeed' ? 'regionId' : 'id'));
  if (!id.success) return { feedUrl: null, error: 'problem.invalid' as PlainMessageKey };
  try {
    if (intent === 'createFeed') {
      const { createCalendarFeed } = await gql(CreateCalendarFeedDocument, { regionId: id.data }, { request });
      return { feedUrl: `${new URL(request.url).origin}/public${createCalendarFeed.path}`, error: null };
    }
    await gql(RevokeCalendarFeedDocument, { id: id.data }, { request });
    return { feedUrl: null, error: null };
  } catch (error) {
    return { feedUrl: null, error: recordErrorKey(error) };
  }
}

type CalendarEvent = { id: string; title: string; start: Date; end: Date; startsAt: string; timeZone: string; status: string };

export default function EventsCalendar() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const navigate = useNavigate();
  const { search } = useLocation();
  const { events, campaigns, regions, feeds, filters, period } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // The calendar lays events out in the viewer's own zone: drawn once the page runs in their browser.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const grid = useRef<HTMLDivElement>(null);
  useCalendarAriaRepair(grid, mounted);
  const localizer = useMemo(() => luxonLocalizer(Luxon, { firstDayOfWeek: 7 }), []);
  const items: CalendarEvent[] = events.nodes.map((event) => ({
    id: event.id,
    title: lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    startsAt: event.startsAt,
    timeZone: event.timeZone,
    status: event.status,
  }));
  const go = (changes: { view?: string; date?: string }) => {
    const params = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) if (value) params.set(key, value);
    navigate(`/events/calendar?${params}`);
  };
  const messages = {
    today: t('calendar.today'),
    previous: t('calendar.previous'),
    next: t('calendar.next'),
    month: t('calendar.month'),
    week: t('calendar.week'),
    day: t('calendar.day'),
    agenda: t('calendar.agenda'),
    date: t('calendar.date'),
    time: t('calendar.time'),
    event: t('calendar.event'),
    noEventsInRange: t('calendar.noEvents'),
    showMore: (count: number) => t('calendar.showMore', { count }),
  };

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('events.view.calendar')}
        description={t('events.intro')}
        actions={
          <Group gap="sm">
            <EventsViewSwitch view="calendar" />
            {ability.can('create', 'Event') ? (
              <Button component={Link} to="/events/new" data-testid="new-event">
                {t('events.new')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <EventFilters filters={filters} campaigns={campaigns} regions={regions} clearTo="/events/calendar" withDates={false}>
        <input type="hidden" name="view" value={period.view} />
        <input type="hidden" name="date" value={period.date} />
      </EventFilters>
      {events.pageInfo.hasNextPage ? (
        <Alert color="yellow" variant="light">
          {t('calendar.tooMany')}
        </Alert>
      ) : null}
      <Card withBorder padding="md" data-testid="events-calendar">
        {/* The grid needs the browser (react-big-calendar lays slots out with the runtime's own zone, UTC on the
            server): until then the period's events as a list, in a box of the grid's height, so nothing below moves. */}
        {mounted ? (
          <div style={{ height: calendarHeight, overflowX: 'auto' }} ref={grid}>
            <Calendar<CalendarEvent>
              localizer={localizer}
              culture={lang === 'fr' ? 'fr-CA' : 'en-CA'}
              events={items}
              views={[Views.MONTH, Views.WEEK]}
              view={period.view as View}
              date={new Date(`${period.date}T12:00:00`)}
              onView={(view) => go({ view })}
              onNavigate={(date) => go({ date: Luxon.fromJSDate(date).toISODate() ?? undefined })}
              onSelectEvent={(event) => navigate(`/events/${event.id}`)}
              messages={messages}
              popup
              components={{ event: CalendarEntry, week: { header: WeekHeader } }}
              eventPropGetter={(event) => ({
                className: `event-${event.status}`,
                style: event.status === 'cancelled' ? { opacity: 0.6, textDecoration: 'line-through' } : {},
              })}
            />
          </div>
        ) : (
          <List spacing="xs" data-testid="events-calendar-fallback" h={calendarHeight} style={{ overflowY: 'auto' }}>
            {events.nodes.length === 0 ? <Text size="sm">{t('calendar.noEvents')}</Text> : null}
            {events.nodes.map((event) => (
              <List.Item key={event.id}>
                <Anchor component={Link} to={`/events/${event.id}`} size="sm">
                  {lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn}
                </Anchor>{' '}
                <EventTime event={event} />
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      {answer?.error ? (
        <Alert color="red" variant="light">
          {t(answer.error)}
        </Alert>
      ) : null}
      <CalendarFeeds regions={regions} feeds={feeds} newUrl={answer?.feedUrl ?? null} />
    </Stack>
  );
}

/** One event in the grid: its title, its own local time, and the viewer's where it differs. */
function CalendarEntry({ event }: EventProps<CalendarEvent>) {
  return (
    <span data-testid="calendar-event" data-id={event.id}>
      <strong>{event.title}</strong>
      <br />
      <EventTime event={event} withDay={false} size="xs" />
    </span>
  );
}
