import type { FieldMetadata } from '@conform-to/react';
import { roles } from '@crm/authz';
import { localizedName } from '@crm/i18n';
import type { RegionFieldsFragment } from '@crm/staff-graphql';
import { useLanguage, useT } from '../utils/i18n';
import { CheckboxGroupField, SelectField, TextField } from './form-fields';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

// Role, then what the role needs: regions for a coordinator, an organization for
// a member contact (a plain id until the organizations screen lands). Shown as the
// role changes; the schema (@crm/contracts checkScope) has the final word.
export function UserScopeFields({
  role,
  regionIds,
  organizationId,
  regions,
  roleDisabled,
}: {
  role: Field;
  regionIds: Field;
  organizationId: Field;
  regions: RegionFieldsFragment[];
  roleDisabled?: boolean;
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
      {current === 'MEMBER' ? (
        <TextField
          field={organizationId}
          label={t('user.organization')}
          description={t('user.organization.hint')}
          ff="monospace"
          data-testid="organization-id"
        />
      ) : null}
    </>
  );
}
