import { localizedName } from '@crm/i18n';
import type { RegionFieldsFragment } from '@crm/staff-graphql';
import { Group, Stack, Text } from '@mantine/core';
import { changeList, fieldLabel } from '../utils/audit-view';
import { isPlainMessageKey } from '../utils/messages';
import { useLanguage, useT } from '../utils/i18n';

const masked = '•••';

type UserName = { id: string; name: string };

// Fields that hold a user's id: shown by the user's name.
const userFields = new Set(['ownerId', 'createdById', 'actorId']);

// One value as people read it: roles and languages by name, region ids by
// region name, yes/no, "empty"; masked personal values stay •••.
function Value({ field, value, regions, users }: { field: string; value: unknown; regions: RegionFieldsFragment[]; users: readonly UserName[] }) {
  const t = useT();
  const lang = useLanguage();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('audit.value.empty')}
      </Text>
    );
  }
  if (value === masked) {
    return (
      <Text span size="sm" c="dimmed" title={t('audit.value.masked')} aria-label={t('audit.value.masked')}>
        {masked}
      </Text>
    );
  }
  let text: string;
  if (userFields.has(field) && typeof value === 'string') text = users.find((user) => user.id === value)?.name ?? t('audit.value.someone');
  else if (typeof value === 'boolean') text = t(value ? 'audit.value.yes' : 'audit.value.no');
  else if (field === 'role' && isPlainMessageKey(`role.${String(value)}`)) text = t(`role.${String(value)}` as 'role.ADMIN');
  else if (field === 'preferredLanguage' && (value === 'en' || value === 'fr')) text = t(`languageName.${value}`);
  else if (field === 'regionIds' && Array.isArray(value)) {
    text = value
      .map((id) => regions.find((region) => region.id === id))
      .map((region, i) => (region ? localizedName(lang, region) : String(value[i])))
      .join(', ');
  } else if (Array.isArray(value)) text = value.map(String).join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return (
    <Text span size="sm" fw={500}>
      {text}
    </Text>
  );
}

// "field: from → to", one line per changed field.
export function AuditChanges({ changes, regions, users = [] }: { changes: unknown; regions: RegionFieldsFragment[]; users?: readonly UserName[] }) {
  const t = useT();
  const list = changeList(changes);
  if (!list.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="audit-changes">
      {list.map(({ field, from, to }) => (
        <Group key={field} gap={6} wrap="wrap" data-field={field}>
          <Text span size="sm" c="dimmed">
            {t('audit.change.field', { field: fieldLabel(t, field) })}
          </Text>
          <Value field={field} value={from} regions={regions} users={users} />
          <Text span size="sm" c="dimmed" aria-hidden>
            →
          </Text>
          <Value field={field} value={to} regions={regions} users={users} />
        </Group>
      ))}
    </Stack>
  );
}
