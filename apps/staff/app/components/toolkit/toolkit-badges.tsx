import type { ToolkitRequestStatus } from '@crm/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { formatCount, useLanguage, useT } from '../../utils/i18n';
import { toolkitStatusColor, toolkitStatusKey } from '../../utils/toolkit';

export function ToolkitStatusBadge({ status }: { status: ToolkitRequestStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={toolkitStatusColor[status]} data-testid="toolkit-status" data-status={status}>
      {t(toolkitStatusKey(status))}
    </Badge>
  );
}

/**
 * An item's stock on hand in a list (catalogue, inventory), with "Low stock" at or under its
 * threshold; a digital file says it is downloaded, not stocked. On a phone the badge goes
 * above the figure rather than being cut.
 */
export function StockOnHand({ item }: { item: { kind: string; onHand: number; lowStockThreshold: number } }) {
  const t = useT();
  const lang = useLanguage();
  if (item.kind === 'digital_file') {
    return (
      <Text size="xs" c="dimmed">
        {t('toolkit.inventory.digital')}
      </Text>
    );
  }
  return (
    <Group gap={4} justify="flex-end" wrap="wrap-reverse">
      {item.onHand <= item.lowStockThreshold ? (
        <Badge color="orange" variant="light" size="sm" styles={{ label: { overflow: 'visible' } }} data-testid="low-stock-badge">
          {t('toolkit.inventory.low')}
        </Badge>
      ) : null}
      <Text size="sm" fw={600} data-testid="on-hand">
        {formatCount(lang, item.onHand)}
      </Text>
    </Group>
  );
}
