import { EventsDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { EventStatusBadge } from '../components/events/event-badges';
import { EventTime } from '../components/events/event-time';
import { EventsViewSwitch } from '../components/events/events-nav';
import { EventFilters } from '../components/events/event-filters';
import { ExportButtons } from '../components/export-buttons';
import { EmptyRow, ListTable, type ListColumn } from '../components/list-table';
import { PageHeader } from '../components/page-header';
import { Pager } from '../components/pager';
import { eventFilter, eventFiltersFrom, eventKindKey } from '../utils/events';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { loadListPage } from '../utils/lists.server';
import { pageTitle } from '../utils/meta';
import { filtersQuery } from '../utils/records';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'events.title');

const pageSize = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Event');
  const params = new URL(request.url).searchParams;
  const filters = eventFiltersFrom(params);
  const data = await loadListPage('/events', params, (after) => gql(EventsDocument, { filter: eventFilter(filters), first: pageSize, after }, { request }));
  // The export links read the same URL filters as this page.
  return { ...data, filters, exportQuery: filtersQuery({ ...filters }).toString() };
}

export default function Events() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { events, campaigns, regions, filters, exportQuery } = useLoaderData<typeof loader>();

  // On a phone each event is a card (ListTable's columns): title first, then labelled facts.
  const columns: ListColumn[] = [
    { key: 'title', label: t('events.column.title'), card: 'title' },
    { key: 'when', label: t('events.column.when') },
    { key: 'where', label: t('events.column.where') },
    { key: 'status', label: t('events.column.status') },
    { key: 'rsvps', label: t('events.column.rsvps') },
  ];
  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t('events.title')}
        description={t('events.intro')}
        actions={
          <Group gap="sm">
            <EventsViewSwitch view="list" />
            {ability.can('export', 'Event') ? <ExportButtons href={`/events/export?${exportQuery}`} testId="export-events" /> : null}
            {ability.can('create', 'Event') ? (
              <Button component={Link} to="/events/new" data-testid="new-event">
                {t('events.new')}
              </Button>
            ) : null}
          </Group>
        }
      />

      <EventFilters filters={filters} campaigns={campaigns} regions={regions} clearTo="/events" />

      <Text size="sm" c="dimmed" data-testid="events-count">
        {(events.totalCount ?? events.nodes.length) === 1
          ? t('events.count.one')
          : t('events.count', { count: formatCount(lang, events.totalCount ?? events.nodes.length) })}
      </Text>

      <Card withBorder padding={0}>
        <ListTable
          minWidth={900}
          highlightOnHover
          data-testid="events-table"
          items={events.nodes}
          columns={columns}
          empty={
            <EmptyRow columns={5} testId="events-empty">
              {t('events.empty')}
            </EmptyRow>
          }
        >
          {(event) => (
            <Table.Tr key={event.id} data-testid="event-row" data-id={event.id}>
              <Table.Td>
                {/* The kind always under the title (a phone's card put it beside a short one). */}
                <Stack gap={0} align="flex-start">
                  <Anchor component={Link} to={`/events/${event.id}`} fw={600} size="sm" data-testid="event-link">
                    {lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(eventKindKey(event.kind))}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td miw={220}>
                <EventTime event={event} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[event.place ?? (event.onlineUrl ? t('event.online') : null), event.provinceCode].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
              <Table.Td>
                <EventStatusBadge status={event.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {event.rsvpCounts.yes}
                  {event.capacity ? ` / ${event.capacity}` : ''}
                  {event.rsvpCounts.waitlisted ? ` (+${event.rsvpCounts.waitlisted})` : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </ListTable>
      </Card>

      <Pager endCursor={events.pageInfo.endCursor} hasNextPage={events.pageInfo.hasNextPage} />
    </Stack>
  );
}
