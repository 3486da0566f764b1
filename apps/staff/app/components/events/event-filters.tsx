import { eventKindValues, eventStatusValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { eventKindKey, eventStatusKey, type EventListFilters } from '../../utils/events';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import { FilterBar, FilterSelect } from '../filter-bar';

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
    <FilterBar testId="events-filters" clearTo={clearTo} filtered={Object.values(filters).some(Boolean)}>
      <TextInput
        name="q"
        label={t('events.filter.search')}
        placeholder={t('events.filter.search.placeholder')}
        defaultValue={filters.q}
        w={{ base: '100%', sm: 200 }}
        data-testid="filter-search"
      />
      <FilterSelect
        name="campaign"
        label={t('events.filter.campaign')}
        value={filters.campaign}
        any={t('records.any')}
        options={campaigns.map((campaign) => ({ value: campaign.id, label: organizationName(lang, campaign) }))}
        width={200}
        testId="filter-campaign"
      />
      <FilterSelect
        name="region"
        label={t('events.filter.region')}
        value={filters.region}
        any={t('records.any')}
        options={regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))}
        width={180}
        testId="filter-region"
      />
      <FilterSelect
        name="kind"
        label={t('events.filter.kind')}
        value={filters.kind}
        any={t('records.any')}
        options={eventKindValues.map((value) => ({ value, label: t(eventKindKey(value)) }))}
        width={200}
        testId="filter-kind"
      />
      <FilterSelect
        name="status"
        label={t('events.filter.status')}
        value={filters.status}
        any={t('records.any')}
        options={eventStatusValues.map((value) => ({ value, label: t(eventStatusKey(value)) }))}
        width={140}
        testId="filter-status"
      />
      {withDates ? (
        <>
          <TextInput
            type="date"
            name="from"
            label={t('events.filter.from')}
            defaultValue={filters.from}
            w={{ base: '100%', sm: 160 }}
            data-testid="filter-from"
          />
          <TextInput type="date" name="to" label={t('events.filter.to')} defaultValue={filters.to} w={{ base: '100%', sm: 160 }} data-testid="filter-to" />
        </>
      ) : null}
      {children}
    </FilterBar>
  );
}
