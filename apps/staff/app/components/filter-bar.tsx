import { Button, Card, Group, NativeSelect } from '@mantine/core';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '../utils/i18n';

/**
 * A list's filters (decision 018): a plain GET form, so the filters live in the
 * URL and work before JavaScript; "Clear" once anything is filtered. On a phone
 * they wait behind one "Filters" button (a disclosure made of a checkbox and its
 * label, so it opens without JavaScript too); `count` says how many are applied.
 * `keep` travels with the form unseen (the view the list is in, e.g. `mine=1`).
 */
export function FilterBar({
  testId,
  clearTo,
  filtered,
  count,
  keep,
  children,
}: {
  testId: string;
  clearTo: string;
  filtered: boolean;
  count?: number;
  keep?: Record<string, string>;
  children: ReactNode;
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
