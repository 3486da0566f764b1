import { Table, Text, type TableProps, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCount, useLanguage, useT } from '../utils/i18n';

type ListTableProps<T> = Omit<TableProps, 'children'> & {
  /** Below this width the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  /** The table's `<Table.Thead>`. */
  head: ReactNode;
  items: readonly T[];
  /** One `<Table.Tr>` (with its key) per item. */
  children: (item: T) => ReactNode;
  /** What stands in the body when there are no items: an `EmptyRow`. */
  empty: ReactNode;
};

/** The table of a list screen: its head, a row per item, and the empty state when there are none. */
export function ListTable<T>({ minWidth, head, items, children, empty, ...table }: ListTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" horizontalSpacing="md" {...table}>
        {head}
        <Table.Tbody>
          {items.map((item) => children(item))}
          {items.length === 0 ? empty : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Nothing here" as a table row across all its columns. */
export function EmptyRow({ columns, testId, children, ...text }: { columns: number; testId?: string; children: ReactNode } & TextProps) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns}>
        <Text c="dimmed" ta="center" py="lg" data-testid={testId} {...text}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** How many records the list holds in all its pages, filters applied ("1,234 people"). */
export function ListTotal({ count, kind }: { count: number; kind: 'people' | 'organizations' }) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Text size="sm" c="dimmed" role="status" data-testid="list-total" data-count={count}>
      {count === 1 ? t(`${kind}.total.one`) : t(`${kind}.total`, { count: formatCount(lang, count) })}
    </Text>
  );
}
