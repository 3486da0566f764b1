import { eventKindValues, eventStatusValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import type { ReactNode } from 'react';
import { campaignOptions } from '../../utils/campaigns';
import { eventKindKey, eventStatusKey, type EventListFilters } from '../../utils/events';
import { useLanguage, useT } from '../../utils/i18n';
import { FilterBar } from '../filter-bar';

/** The events' filters, the same on the list and the calendar (the URL keeps them between the two). */
export function EventFilters({
  filters,
  campaigns,
  regions,
  clearTo,
  withDates = true,
  children,
}: {
  filters: EventListFilters;
  campaigns: readonly { id: string; nameEn: string; nameFr: string }[];
  regions: readonly { id: string; nameEn: string; nameFr: string }[];
  clearTo: string;
  withDates?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <FilterBar
      testId="events-filters"
      clearTo={clearTo}
      filtered={Object.values(filters).some(Boolean)}
      fields={[
        { kind: 'search', name: 'q', label: t('events.filter.search'), placeholder: t('events.filter.search.placeholder'), value: filters.q, width: 200 },
        {
          kind: 'select',
          name: 'campaign',
          label: t('events.filter.campaign'),
          value: filters.campaign,
          options: campaignOptions(lang, campaigns),
          width: 200,
        },
        {
          kind: 'select',
          name: 'region',
          label: t('events.filter.region'),
          value: filters.region,
          options: regions.map((region) => ({ value: region.id, label: localizedName(lang, region) })),
          width: 180,
        },
        {
          kind: 'select',
          name: 'kind',
          label: t('events.filter.kind'),
          value: filters.kind,
          options: eventKindValues.map((value) => ({ value, label: t(eventKindKey(value)) })),
          width: 200,
        },
        {
          kind: 'select',
          name: 'status',
          label: t('events.filter.status'),
          value: filters.status,
          options: eventStatusValues.map((value) => ({ value, label: t(eventStatusKey(value)) })),
          width: 140,
        },
        withDates && { kind: 'date', name: 'from', label: t('events.filter.from'), value: filters.from, width: 160 },
        withDates && { kind: 'date', name: 'to', label: t('events.filter.to'), value: filters.to, width: 160 },
      ]}
    >
      {children}
    </FilterBar>
  );
}
