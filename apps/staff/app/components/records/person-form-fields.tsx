import type { FieldMetadata } from '@conform-to/react';
import { leaderCategoryValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import type { OwnerOptionFieldsFragment, ProvinceFieldsFragment, TagFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack } from '@mantine/core';
import { CheckboxGroupField, SelectField, TextField } from '../form-fields';
import { leaderKey } from '../../utils/records';
import { useLanguage, useT } from '../../utils/i18n';
import { AffiliationsField } from './affiliations-field';
import { OwnerField } from './owner-field';
import { CheckField, ListField } from './record-fields';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type PersonFields = Record<
  | 'firstName'
  | 'lastName'
  | 'preferredLanguage'
  | 'emails'
  | 'phones'
  | 'leaderCategory'
  | 'provinceCode'
  | 'city'
  | 'consentEmail'
  | 'consentPhone'
  | 'doNotContact'
  | 'livedExperience'
  | 'tags'
  | 'notes'
  | 'ownerId',
  Field
>;

export type PersonFormValues = {
  emails: readonly string[];
  phones: readonly string[];
  consentEmail: boolean;
  consentPhone: boolean;
  doNotContact: boolean;
  livedExperience: boolean | null;
};

/** The fields of the new-person and edit-person forms (one schema: @crm/contracts). */
export function PersonFormFields({
  fields,
  values,
  provinces,
  tags,
  showLivedExperience,
  affiliations,
  owners,
}: {
  fields: PersonFields;
  values: PersonFormValues;
  provinces: ProvinceFieldsFragment[];
  tags: TagFieldsFragment[];
  showLivedExperience: boolean;
  /** The form (for its list intents), its affiliations field and the names of the organizations on it. */
  affiliations: Parameters<typeof AffiliationsField>[0];
  /** Whom the user may make owner, and the owner now; null hides the choice. */
  owners: { options: readonly OwnerOptionFieldsFragment[]; currentOwnerId?: string | null } | null;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.firstName} label={t('person.firstName')} data-testid="firstName" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.lastName} label={t('person.lastName')} data-testid="lastName" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.provinceCode}
            label={t('records.province')}
            data={[{ value: '', label: t('records.choose') }, ...provinces.map((province) => ({ value: province.code, label: localizedName(lang, province) }))]}
            data-testid="provinceCode"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.city} label={t('records.city')} data-testid="city" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.leaderCategory}
            label={t('person.leaderCategory')}
            data={[{ value: '', label: t('records.none') }, ...leaderCategoryValues.map((value) => ({ value, label: t(leaderKey(value)) }))]}
            data-testid="leaderCategory"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.preferredLanguage}
            label={t('person.preferredLanguage')}
            data={[
              { value: 'en', label: t('language.en') },
              { value: 'fr', label: t('language.fr') },
            ]}
            data-testid="preferredLanguage"
          />
        </Grid.Col>
        {owners ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} />
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ListField field={fields.emails} values={values.emails} label={t('person.emails')} data-testid="emails" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ListField field={fields.phones} values={values.phones} label={t('person.phones')} data-testid="phones" />
        </Grid.Col>
      </Grid>
      <Stack gap="xs">
        <CheckField field={fields.consentEmail} checked={values.consentEmail} label={t('person.consentEmail')} testId="consentEmail" />
        <CheckField field={fields.consentPhone} checked={values.consentPhone} label={t('person.consentPhone')} testId="consentPhone" />
        <CheckField field={fields.doNotContact} checked={values.doNotContact} label={t('person.doNotContact')} testId="doNotContact" />
        {showLivedExperience ? (
          <CheckField
            field={fields.livedExperience}
            checked={values.livedExperience === true}
            label={t('person.livedExperience')}
            description={t('person.livedExperience.help')}
            testId="livedExperience"
          />
        ) : null}
      </Stack>
      <AffiliationsField {...affiliations} />
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
