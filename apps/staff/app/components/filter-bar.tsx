import { Button, Card, Group, NativeSelect } from '@mantine/core';
import { Form, Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '../utils/i18n';

/**
 * A list's filters (decision 018): a plain GET form, so the filters live in the
 * URL and work before JavaScript; "Clear" once anything is filtered.
 */
export function FilterBar({ testId, clearTo, filtered, children }: { testId: string; clearTo: string; filtered: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <Card withBorder padding="md">
      <Form method="get" role="search" data-testid={testId}>
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
