import { Button, Card, Group, NativeSelect, TextInput } from '@mantine/core';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '../utils/i18n';

/**
 * One field of a list's filters, named as its URL parameter. `select`: its empty
 * choice means "any" (`any`, else "Any"); `search`: free text; `date`: a calendar day.
 * Its test id is `filter-<name>` (`filter-search` for the search box).
 */
export type FilterField =
  | { kind: 'select'; name: string; label: string; value: string; options: readonly { value: string; label: string }[]; width: number; any?: string }
  | { kind: 'search'; name: string; label: string; value: string; placeholder: string; width: number }
  | { kind: 'date'; name: string; label: string; value: string; width: number };

/**
 * A list's filters (decision 018): a plain GET form, so the filters live in the
 * URL and work before JavaScript; "Clear" once anything is filtered. On a phone
 * they wait behind one "Filters" button (a disclosure made of a checkbox and its
 * label, so it opens without JavaScript too); `count` says how many are applied.
 * `keep` travels with the form unseen (the view the list is in, e.g. `mine=1`).
 * `fields` come first (a `false` entry is a field this viewer does not get), then `children`.
 */
export function FilterBar({
  testId,
  clearTo,
  filtered,
  count,
  keep,
  fields = [],
  children,
}: {
  testId: string;
  clearTo: string;
  filtered: boolean;
  count?: number;
  keep?: Record<string, string>;
  fields?: readonly (FilterField | false)[];
  children?: ReactNode;
}) {
  const t = useT();
  const toggle = `${testId}-toggle`;
  return (
    <div className="filter-disclosure">
      <input type="checkbox" id={toggle} className="filter-toggle" aria-controls={`${testId}-panel`} data-testid="filters-toggle" />
      <Button component="label" htmlFor={toggle} variant="default" hiddenFrom="sm" fullWidth data-testid="filters-button">
        {count ? t('filter.button.count', { count: String(count) }) : t('filter.button')}
      </Button>
      <Card withBorder padding="md" id={`${testId}-panel`} className="filter-panel">
        <Form method="get" role="search" data-testid={testId}>
          {Object.entries(keep ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Group align="flex-end" gap="sm" wrap="wrap">
            {fields.map((field) => (field ? <FilterInput key={field.name} field={field} /> : null))}
            {children}
            <Button type="submit" variant="default" data-testid="apply-filters">
              {t('filter.apply')}
            </Button>
            {filtered ? (
              <Button component={Link} to={clearTo} variant="subtle">
                {t('filter.clear')}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Card>
    </div>
  );
}

/** One filter as a native select whose first choice, the empty value, means "any". */
export function FilterSelect({
  name,
  label,
  value,
  any,
  options,
  width,
  testId,
}: {
  name: string;
  label: string;
  value: string;
  any: string;
  options: readonly { value: string; label: string }[];
  width: number;
  testId: string;
}) {
  return (
    <NativeSelect
      name={name}
      label={label}
      defaultValue={value}
      data={[{ value: '', label: any }, ...options]}
      w={{ base: '100%', sm: width }}
      data-testid={testId}
    />
  );
}

function FilterInput({ field }: { field: FilterField }) {
  const t = useT();
  const w = { base: '100%', sm: field.width };
  switch (field.kind) {
    case 'select':
      return (
        <FilterSelect
          name={field.name}
          label={field.label}
          value={field.value}
          any={field.any ?? t('records.any')}
          options={field.options}
          width={field.width}
          testId={`filter-${field.name}`}
        />
      );
    case 'search':
      return <TextInput name={field.name} label={field.label} placeholder={field.placeholder} defaultValue={field.value} w={w} data-testid="filter-search" />;
    case 'date':
      return <TextInput type="date" name={field.name} label={field.label} defaultValue={field.value} w={w} data-testid={`filter-${field.name}`} />;
  }
}
