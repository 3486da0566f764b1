import { localizedName } from '@crm/i18n';
import { Button, Checkbox, TextInput } from '@mantine/core';
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../utils/i18n';
import { useAbility } from '../../utils/root-data';
import { ExportButtons } from '../export-buttons';
import { FilterBar, FilterSelect } from '../filter-bar';

type Place = { nameEn: string; nameFr: string };
type CommonFilters = { search: string; province: string; region: string; tag: string; mine: boolean; archived: boolean; sort: string };

/** A records list's header actions: "Export CSV" and "Export Excel" (with the list's filters) and "New …", each when allowed. */
export function RecordListActions({
  subject,
  exportHref,
  exportTestId,
  newTo,
  newLabel,
  newTestId,
}: {
  subject: 'Person' | 'Organization';
  exportHref: string;
  exportTestId: string;
  newTo: string;
  newLabel: string;
  newTestId: string;
}) {
  const ability = useAbility();
  return (
    <>
      {ability.can('export', subject) ? <ExportButtons href={exportHref} testId={exportTestId} /> : null}
      {ability.can('create', subject) ? (
        <Button component={Link} to={newTo} data-testid={newTestId}>
          {newLabel}
        </Button>
      ) : null}
    </>
  );
}

/**
 * The filters people and organizations share (search, province, region, tag,
 * order, archived) around the list's own selects, given as children.
 */
export function RecordFilterBar({
  testId,
  path,
  filters,
  searchPlaceholder,
  provinces,
  regions,
  tags,
  tagLabel,
  children,
}: {
  testId: string;
  path: string;
  filters: CommonFilters;
  searchPlaceholder: string;
  provinces: readonly (Place & { code: string })[];
  regions: readonly (Place & { id: string })[];
  tags: readonly { slug: string }[];
  tagLabel: (slug: string) => string;
  children: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  // "Mine" is a view (ListViews), not a filter: it stays when the filters change or clear.
  const applied = Object.entries(filters).filter(([name, value]) => name !== 'mine' && Boolean(value)).length;
  return (
    <FilterBar
      testId={testId}
      clearTo={filters.mine ? `${path}?mine=1` : path}
      filtered={applied > 0}
      count={applied}
      keep={filters.mine ? { mine: '1' } : undefined}
    >
      <TextInput
        name="search"
        type="search"
        label={t('records.filter.search')}
        placeholder={searchPlaceholder}
        defaultValue={filters.search}
        w={{ base: '100%', sm: 220 }}
        data-testid="filter-search"
      />
      <FilterSelect
        name="province"
        label={t('records.filter.province')}
        value={filters.province}
        any={t('records.any')}
        options={provinces.map((province) => ({ value: province.code, label: localizedName(lang, province) }))}
        width={170}
        testId="filter-province"
      />
      <FilterSelect
        name="region"
        label={t('records.filter.region')}
        value={filters.region}
        any={t('records.any')}
        options={regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))}
        width={170}
        testId="filter-region"
      />
      {children}
      <FilterSelect
        name="tag"
        label={t('records.filter.tag')}
        value={filters.tag}
        any={t('records.any')}
        options={tags.map((tag) => ({ value: tag.slug, label: tagLabel(tag.slug) }))}
        width={170}
        testId="filter-tag"
      />
      <FilterSelect
        name="sort"
        label={t('records.sort')}
        value={filters.sort}
        any={t('records.sort.name')}
        options={[{ value: 'UPDATED', label: t('records.sort.updated') }]}
        width={190}
        testId="filter-sort"
      />
      <Checkbox name="archived" value="1" defaultChecked={filters.archived} label={t('records.filter.archived')} data-testid="filter-archived" pb={8} />
    </FilterBar>
  );
}
