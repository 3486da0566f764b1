import type { Role } from '@crm/staff-graphql';
import { Badge } from '@mantine/core';
import { useT } from '../utils/i18n';

const roleColors: Record<Role, string> = { ADMIN: 'grape', STAFF: 'indigo', COORDINATOR: 'teal', MEMBER: 'orange', FUNDER: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  const t = useT();
  return (
    <Badge color={roleColors[role]} variant="light" tt="none" radius="sm">
      {t(`role.${role}`)}
    </Badge>
  );
}

export function UserStatusBadge({ active, invitationPending }: { active: boolean; invitationPending: boolean }) {
  const t = useT();
  if (!active)
    return (
      <Badge color="gray" variant="outline" tt="none" radius="sm">
        {t('users.status.inactive')}
      </Badge>
    );
  if (invitationPending)
    return (
      <Badge color="yellow" variant="light" tt="none" radius="sm">
        {t('users.status.pending')}
      </Badge>
    );
  return (
    <Badge color="teal" variant="dot" tt="none" radius="sm">
      {t('users.status.active')}
    </Badge>
  );
}
