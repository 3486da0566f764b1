import type { ToolkitRequestStatus } from '@crm/contracts';
import { Badge } from '@mantine/core';
import { useT } from '../../utils/i18n';
import { toolkitStatusColor, toolkitStatusKey } from '../../utils/toolkit';

export function ToolkitStatusBadge({ status }: { status: ToolkitRequestStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={toolkitStatusColor[status]} data-testid="toolkit-status" data-status={status}>
      {t(toolkitStatusKey(status))}
    </Badge>
  );
}
