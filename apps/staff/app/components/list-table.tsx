import { Box, Table, Text, VisuallyHidden, type TableProps, type TextProps } from '@mantine/core';
import { Link, useLocation } from '@remix-run/react';
import { Children, cloneElement, isValidElement, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import { formatCount, useLanguage, useT } from '../utils/i18n';

/** A column of a list (decision 025): its header, how it sorts, how it shows on a phone card. */
export interface ListColumn {
  /** Stable name: the column chooser and saved views remember columns by it. */
  key: string;
  /** The header's text; on a phone card, the label before the value. */
  label: string;
  /** What stands in the header instead of the label (the select-all box). */
  header?: ReactNode;
  /** The list order (`?sort=`) its header switches to, and which way that order runs. */
  sort?: { value: string; direction: 'ascending' | 'descending' };
  /** On a phone card: `title` leads the card unlabelled, `plain` shows without a label; otherwise "Label: value". */
  card?: 'title' | 'plain';
  /** Always shown: the column chooser does not offer to hide it. */
  fixed?: boolean;
  /** Header width (px). */
  w?: number;
}

type ListTableProps<T> = Omit<TableProps, 'children'> & {
  /** Below this width the table scrolls sideways rather than squeezing its columns (not on a phone, where rows are cards). */
  minWidth: number;
  /** The columns, in order. Each row's cells follow them one for one; hidden ones are left out of header and rows. */
  columns?: readonly ListColumn[];
  /** Keys of the columns the viewer chose to hide. */
  hiddenColumns?: readonly string[];
  /** The order the list is in (`?sort=`, '' for the default) and the default's value. */
  sort?: { current: string; byDefault: string };
  /** The table's `<Table.Thead>`, for a list without `columns` (admin tables). */
  head?: ReactNode;
  items: readonly T[];
  /** One `<Table.Tr>` (with its key) per item, its `<Table.Td>`s as direct children. */
  children: (item: T) => ReactNode;
  /** What stands in the body when there are no items: an `EmptyRow`. */
  empty: ReactNode;
};

/**
 * The table of a list screen: its head, a row per item, and the empty state when
 * there are none. With `columns`, headers sort as links (they work before
 * JavaScript), hidden columns are left out, and on a phone each row is a card
 * whose cells carry their column's label (CSS `.list-cards`, app.css).
 */
export function ListTable<T>({ minWidth, columns, hiddenColumns = [], sort, head, items, children, empty, ...table }: ListTableProps<T>) {
  const t = useT();
  const shown = columns?.filter((column) => column.fixed || !hiddenColumns.includes(column.key));
  const row = (item: T) => {
    const tr = children(item);
    if (!columns || !shown || !isValidElement(tr)) return tr;
    const element = tr as ReactElement<{ children?: ReactNode }>;
    const cells = Children.toArray(element.props.children);
    const kept = cells.flatMap((cell, index) => {
      const column = columns[index];
      if (!column || !shown.includes(column) || !isValidElement(cell)) return [];
      const label = column.card ? undefined : t('list.card.label', { label: column.label });
      return [cloneElement(cell as ReactElement<Record<string, unknown>>, { 'data-col': column.key, 'data-card': column.card, 'data-label': label })];
    });
    return cloneElement(element, {}, ...kept);
  };
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        className={columns ? 'list-cards' : undefined}
        style={{ '--list-min-width': `${minWidth}px`, minWidth: columns ? undefined : minWidth } as CSSProperties}
        {...table}
      >
        {shown ? (
          <Table.Thead>
            <Table.Tr>
              {shown.map((column) => (
                <ColumnHeader key={column.key} column={column} sort={sort} />
              ))}
            </Table.Tr>
          </Table.Thead>
        ) : (
          head
        )}
        <Table.Tbody>
          {items.map(row)}
          {items.length === 0 ? empty : null}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** A header: a link to the list in its order when it sorts (filters kept, paging restarted), `aria-sort` when it is the order. */
function ColumnHeader({ column, sort }: { column: ListColumn; sort?: { current: string; byDefault: string } }) {
  const t = useT();
  const { pathname, search } = useLocation();
  if (!column.sort || !sort) {
    return (
      <Table.Th w={column.w} style={{ whiteSpace: 'nowrap' }}>
        {column.header ?? column.label}
      </Table.Th>
    );
  }
  const active = (sort.current || sort.byDefault) === column.sort.value;
  const params = new URLSearchParams(search);
  params.delete('after');
  if (column.sort.value === sort.byDefault) params.delete('sort');
  else params.set('sort', column.sort.value);
  const query = params.toString();
  return (
    <Table.Th w={column.w} aria-sort={active ? column.sort.direction : undefined} style={{ whiteSpace: 'nowrap' }}>
      <Link
        to={`${pathname}${query ? `?${query}` : ''}`}
        className="list-sort"
        data-testid={`sort-${column.key}`}
        data-active={active || undefined}
        preventScrollReset
      >
        {column.label}
        <span aria-hidden="true">{active ? (column.sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
        {active ? null : <VisuallyHidden>{t('list.sort.by')}</VisuallyHidden>}
      </Link>
    </Table.Th>
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
