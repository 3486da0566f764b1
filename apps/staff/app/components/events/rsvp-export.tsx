import { subject } from '@crm/authz';
import { Group, Text } from '@mantine/core';
import { ExportButtons } from '../export-buttons';
import { useT } from '../../utils/i18n';
import { useAbility } from '../../utils/root-data';

/** An event's answers and attendance as a CSV or Excel file (the `rsvps` export, decision 113), for those who may export it. */
export function RsvpExport({ event }: { event: { id: string; provinceCode: string; organizationId: string | null } }) {
  const t = useT();
  const ability = useAbility();
  if (!ability.can('read', 'Person') || !ability.can('export', subject('Event', { provinceCode: event.provinceCode, organizationId: event.organizationId }))) {
    return null;
  }
  return (
    <Group justify="flex-end" gap="sm" data-testid="rsvps-export">
      <Text size="sm" c="dimmed">
        {t('event.rsvps.export')}
      </Text>
      <ExportButtons href={`/events/${event.id}/rsvps/export`} testId="export-rsvps" />
    </Group>
  );
}
