import type { FieldMetadata } from '@conform-to/react';
import { roles } from '@crm/authz';
import { localizedName } from '@crm/i18n';
import type { RegionFieldsFragment } from '@crm/staff-graphql';
import { useLanguage, useT } from '../utils/i18n';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { SearchPicker } from './records/record-picker';
import { CheckboxGroupField, errorText, SelectField } from './form-fields';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

// Role, then what the role needs: regions for a coordinator, an organization for
// a member contact (picked by name from a search). Shown as the role changes; the
// schema (@crm/contracts checkScope) has the final word.
export function UserScopeFields({
  role,
  regionIds,
  organizationId,
  regions,
  roleDisabled,
  organizationName,
}: {
  role: Field;
  regionIds: Field;
  organizationId: Field;
  regions: RegionFieldsFragment[];
  roleDisabled?: boolean;
  /** The name of the member's organization now (an edit), so it shows by name. */
  organizationName?: string | null;
}) {
  const t = useT();
  const lang = useLanguage();
  const current = typeof role.value === 'string' ? role.value : role.defaultValue;

  return (
    <>
      <SelectField
        field={role}
        label={t('user.role')}
        disabled={roleDisabled}
        data={[{ value: '', label: '—', disabled: true }, ...roles.map((value) => ({ value, label: t(`role.${value}`) }))]}
        data-testid="role"
      />
      {current === 'COORDINATOR' ? (
        <CheckboxGroupField
          field={regionIds}
          label={t('user.regions')}
          description={t('user.regions.hint')}
          options={regions.map((region) => ({ value: region.id, label: localizedName(lang, region) }))}
        />
      ) : null}
      {current === 'MEMBER' ? <OrganizationChoice field={organizationId} name={organizationName} /> : null}
    </>
  );
}

/**
 * The member contact's organization, found by typing its name (the organizations
 * picker); posted as its id in a hidden input. "Change" searches again.
 */
function OrganizationChoice({ field, name }: { field: Field; name?: string | null }) {
  const t = useT();
  const initialId = typeof field.defaultValue === 'string' ? field.defaultValue : '';
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(initialId ? { id: initialId, name: name ?? initialId } : null);
  const error = errorText(t, field.errors);
  return (
    <Stack gap={4}>
      <input type="hidden" name={field.name} form={field.formId} value={chosen?.id ?? ''} />
      {chosen ? (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t('user.organization')}
          </Text>
          <Group gap="sm">
            <Text size="sm" data-testid="organization-chosen">
              {chosen.name}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setChosen(null)} data-testid="organization-change">
              {t('user.organization.change')}
            </Button>
          </Group>
          {error ? (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <>
          <SearchPicker kind="organization" exclude={new Set()} onPick={setChosen} label={t('user.organization')} testId="organization" />
          {error ? (
            <Text size="xs" c="red" role="alert">
              {error}
            </Text>
          ) : null}
        </>
      )}
      <Text size="xs" c="dimmed">
        {t('user.organization.hint')}
      </Text>
    </Stack>
  );
}
