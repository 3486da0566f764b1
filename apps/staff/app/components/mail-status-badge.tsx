import { Badge } from '@mantine/core';
import { isPlainMessageKey } from '../utils/messages';
import { useT } from '../utils/i18n';

const colors: Record<string, string> = { queued: 'yellow', sent: 'teal', stored: 'indigo', failed: 'red' };

export function MailStatusBadge({ status }: { status: string }) {
  const t = useT();
  const key = `mailbox.status.${status}`;
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" tt="none" radius="sm">
      {isPlainMessageKey(key) ? t(key) : status}
    </Badge>
  );
}
