import type { FieldMetadata } from '@conform-to/react';
import { membershipValues, organizationKindValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import type { OwnerOptionFieldsFragment, ProvinceFieldsFragment, TagFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack } from '@mantine/core';
import { SelectField, TextAreaField, TextField } from '../form-fields';
import { TagsField } from './record-fields';
import { kindKey, membershipKey } from '../../utils/records';
import { useLanguage, useT } from '../../utils/i18n';
import { OwnerField } from './owner-field';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type OrganizationFields = Record<
  | 'nameEn'
  | 'nameFr'
  | 'kind'
  | 'membership'
  | 'membershipSince'
  | 'provinceCode'
  | 'city'
  | 'postalCode'
  | 'email'
  | 'phone'
  | 'website'
  | 'tags'
  | 'notes'
  | 'ownerId',
  Field
>;

/** The fields of the new- and edit-organization forms (one schema: @crm/contracts). */
export function OrganizationFormFields({
  fields,
  provinces,
  tags,
  owners,
  locked,
}: {
  fields: OrganizationFields;
  /** Fields the user may see but not change (a member contact: membership, tags, notes…); sent to the API as they were. */
  locked?: ReadonlySet<string>;
  provinces: ProvinceFieldsFragment[];
  tags: TagFieldsFragment[];
  /** Whom the user may make owner, and the owner now; null hides the choice (member contacts). */
  owners: {
    options: readonly OwnerOptionFieldsFragment[];
    currentOwnerId?: string | null;
  } | null;
}) {
  const t = useT();
  const lang = useLanguage();
  const half = { base: 12, sm: 6 };
  // A locked field shows its value and says who sets it; the action does not send it.
  const lock = (name: keyof OrganizationFields) => (locked?.has(name) ? { disabled: true, description: t('organization.lockedField') } : {});
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={half}>
          <TextField field={fields.nameEn} label={t('organization.nameEn')} data-testid="nameEn" {...lock('nameEn')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.nameFr} label={t('organization.nameFr')} data-testid="nameFr" {...lock('nameFr')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.kind}
            label={t('organization.kind')}
            data={[
              { value: '', label: t('records.choose') },
              ...organizationKindValues.map((value) => ({
                value,
                label: t(kindKey(value)),
              })),
            ]}
            data-testid="kind"
            {...lock('kind')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.membership}
            label={t('organization.membership')}
            data={membershipValues.map((value) => ({
              value,
              label: t(membershipKey(value)),
            }))}
            data-testid="membership"
            {...lock('membership')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField
            field={fields.membershipSince}
            type="date"
            label={t('organization.membershipSince')}
            data-testid="membershipSince"
            {...lock('membershipSince')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.provinceCode}
            label={t('records.province')}
            data={[
              { value: '', label: t('records.choose') },
              ...provinces.map((province) => ({
                value: province.code,
                label: localizedName(lang, province),
              })),
            ]}
            data-testid="provinceCode"
            {...lock('provinceCode')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.city} label={t('records.city')} data-testid="city" {...lock('city')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.postalCode} label={t('organization.postalCode')} data-testid="postalCode" {...lock('postalCode')} />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField
            field={fields.email}
            type="email"
            inputMode="email"
            autoComplete="off"
            label={t('organization.email')}
            data-testid="email"
            {...lock('email')}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField
            field={fields.phone}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            label={t('organization.phone')}
            data-testid="phone"
            {...lock('phone')}
          />
        </Grid.Col>
        <Grid.Col span={owners ? half : 12}>
          <TextField field={fields.website} inputMode="url" autoComplete="off" label={t('organization.website')} data-testid="website" {...lock('website')} />
        </Grid.Col>
        {owners ? (
          <Grid.Col span={half}>
            <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} />
          </Grid.Col>
        ) : null}
      </Grid>
      {tags.length ? (
        <TagsField
          field={fields.tags}
          tags={tags}
          disabled={locked?.has('tags')}
          description={locked?.has('tags') ? t('organization.lockedField') : undefined}
        />
      ) : null}
      <TextAreaField field={fields.notes} label={t('records.notes')} data-testid="notes" {...lock('notes')} />
      {/* A disabled control is not posted: its value goes as a hidden field, so the form still validates. */}
      {[...(locked ?? [])].flatMap((name) => {
        const field = fields[name as keyof OrganizationFields];
        if (!field) return [];
        const values = field.defaultOptions ?? (field.defaultValue !== undefined ? [field.defaultValue] : []);
        return values.map((value, i) => <input key={`${name}-${i}`} type="hidden" name={field.name} value={value ?? ''} />);
      })}
    </Stack>
  );
}
