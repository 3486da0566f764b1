import type { EventStatus } from '@crm/contracts';
import { Badge } from '@mantine/core';
import { eventStatusColor, eventStatusKey } from '../../utils/events';
import { useT } from '../../utils/i18n';

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={eventStatusColor[status]} data-testid="event-status" data-status={status}>
      {t(eventStatusKey(status))}
    </Badge>
  );
}
