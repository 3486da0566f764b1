import type { FieldMetadata } from '@conform-to/react';
import { membershipValues, organizationKindValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import type { OwnerOptionFieldsFragment, ProvinceFieldsFragment, TagFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack } from '@mantine/core';
import { CheckboxGroupField, SelectField, TextField } from '../form-fields';
import { kindKey, membershipKey } from '../../utils/records';
import { useLanguage, useT } from '../../utils/i18n';
import { OwnerField } from './owner-field';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type OrganizationFields = Record<
  'nameEn' | 'nameFr' | 'kind' | 'membership' | 'membershipSince' | 'provinceCode' | 'city' | 'postalCode' | 'email' | 'phone' | 'website' | 'tags' | 'notes' | 'ownerId',
  Field
>;

/** The fields of the new- and edit-organization forms (one schema: @crm/contracts). */
export function OrganizationFormFields({
  fields,
  provinces,
  tags,
  owners,
}: {
  fields: OrganizationFields;
  provinces: ProvinceFieldsFragment[];
  tags: TagFieldsFragment[];
  /** Whom the user may make owner, and the owner now; null hides the choice (member contacts). */
  owners: { options: readonly OwnerOptionFieldsFragment[]; currentOwnerId?: string | null } | null;
}) {
  const t = useT();
  const lang = useLanguage();
  const half = { base: 12, sm: 6 };
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={half}>
          <TextField field={fields.nameEn} label={t('organization.nameEn')} data-testid="nameEn" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.nameFr} label={t('organization.nameFr')} data-testid="nameFr" />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.kind}
            label={t('organization.kind')}
            data={[{ value: '', label: t('records.choose') }, ...organizationKindValues.map((value) => ({ value, label: t(kindKey(value)) }))]}
            data-testid="kind"
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.membership}
            label={t('organization.membership')}
            data={membershipValues.map((value) => ({ value, label: t(membershipKey(value)) }))}
            data-testid="membership"
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.membershipSince} type="date" label={t('organization.membershipSince')} data-testid="membershipSince" />
        </Grid.Col>
        <Grid.Col span={half}>
          <SelectField
            field={fields.provinceCode}
            label={t('records.province')}
            data={[{ value: '', label: t('records.choose') }, ...provinces.map((province) => ({ value: province.code, label: localizedName(lang, province) }))]}
            data-testid="provinceCode"
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.city} label={t('records.city')} data-testid="city" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.postalCode} label={t('organization.postalCode')} data-testid="postalCode" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.email} type="email" label={t('organization.email')} data-testid="email" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.phone} label={t('organization.phone')} data-testid="phone" />
        </Grid.Col>
        <Grid.Col span={owners ? half : 12}>
          <TextField field={fields.website} label={t('organization.website')} data-testid="website" />
        </Grid.Col>
        {owners ? (
          <Grid.Col span={half}>
            <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} />
          </Grid.Col>
        ) : null}
      </Grid>
      {tags.length ? (
        <CheckboxGroupField
          field={fields.tags}
          label={t('records.tags')}
          options={tags.map((tag) => ({ value: tag.slug, label: lang === 'fr' ? tag.labelFr : tag.labelEn }))}
        />
      ) : null}
      <TextField field={fields.notes} label={t('records.notes')} data-testid="notes" />
    </Stack>
  );
}
