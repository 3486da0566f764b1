import { SegmentedControl } from '@mantine/core';
import { useLocation, useNavigate } from '@remix-run/react';
import { useT } from '../../utils/i18n';

/** List or calendar: the same filters, two views (plain links before JavaScript). */
export function EventsViewSwitch({ view }: { view: 'list' | 'calendar' }) {
  const t = useT();
  const navigate = useNavigate();
  const { search } = useLocation();
  const params = new URLSearchParams(search);
  params.delete('after');
  const query = params.toString() ? `?${params}` : '';
  return (
    <SegmentedControl
      value={view}
      aria-label={t('events.title')}
      data={[
        { value: 'list', label: t('events.view.list') },
        { value: 'calendar', label: t('events.view.calendar') },
      ]}
      onChange={(value) => navigate(value === 'calendar' ? `/events/calendar${query}` : `/events${query}`)}
      data-testid="events-view"
    />
  );
}
