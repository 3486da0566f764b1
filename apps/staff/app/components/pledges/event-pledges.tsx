import { subject } from '@crm/authz';
import { useFetcher } from '@remix-run/react';
import { useEffect } from 'react';
import type { loader } from '../../routes/pledges.of';
import { newPledgeHref } from '../../utils/pledges';
import { useAbility } from '../../utils/root-data';
import { PledgesSection } from './pledges-section';

/**
 * The pledges made at an event, on its page: loaded from `/pledges/of` once the page runs,
 * so the event page's loader is not involved; "Record a pledge" opens the form with the event.
 */
export function EventPledges({ event }: { event: { id: string; provinceCode: string } }) {
  const ability = useAbility();
  const fetcher = useFetcher<typeof loader>();
  const canRead = ability.can('read', 'Pledge');
  const { load } = fetcher;
  useEffect(() => {
    if (canRead) load(`/pledges/of?event=${event.id}`);
  }, [canRead, event.id, load]);
  if (!canRead || !fetcher.data) return null;
  const { pledges } = fetcher.data;
  return (
    <PledgesSection
      pledges={pledges.nodes}
      totalCount={pledges.totalCount ?? pledges.nodes.length}
      newHref={ability.can('create', subject('Pledge', { provinceCode: event.provinceCode })) ? newPledgeHref({ eventId: event.id }) : null}
      listHref={`/pledges?event=${event.id}`}
      showPledger
    />
  );
}
