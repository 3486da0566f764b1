import { Button, Group } from '@mantine/core';
import { Link, useLocation } from '@remix-run/react';
import { useT } from '../utils/i18n';

// Keyset pagination: "next page" carries the last row's cursor in `after`, with
// the filters kept; "first page" drops it. There are no page numbers to jump to.
export function Pager({ endCursor, hasNextPage }: { endCursor: string | null; hasNextPage: boolean }) {
  const t = useT();
  const { pathname, search } = useLocation();
  const params = new URLSearchParams(search);
  const onFirstPage = !params.get('after');
  if (onFirstPage && !hasNextPage) return null;

  const next = new URLSearchParams(params);
  if (endCursor) next.set('after', endCursor);
  const first = new URLSearchParams(params);
  first.delete('after');

  return (
    <Group justify="space-between" data-testid="pager">
      {onFirstPage ? (
        <span />
      ) : (
        <Button component={Link} to={`${pathname}?${first}`} variant="subtle" size="sm" data-testid="pager-first">
          {t('pager.first')}
        </Button>
      )}
      {hasNextPage && endCursor ? (
        <Button component={Link} to={`${pathname}?${next}`} variant="default" size="sm" data-testid="pager-next">
          {t('pager.next')}
        </Button>
      ) : null}
    </Group>
  );
}
