import type { FieldMetadata } from '@conform-to/react';
import { leaderCategoryValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import type { OwnerOptionFieldsFragment, ProvinceFieldsFragment, TagFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack } from '@mantine/core';
import { MoreDetails, SelectField, TextAreaField, TextField } from '../form-fields';
import { leaderKey } from '../../utils/records';
import { useLanguage, useT } from '../../utils/i18n';
import { AffiliationsField } from './affiliations-field';
import { OwnerField } from './owner-field';
import { CheckField, ListField, TagsField } from './record-fields';

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

// Filled last and less often: folded under "More details" on the new-person form.
const detailFields = [
  'leaderCategory',
  'preferredLanguage',
  'ownerId',
  'consentEmail',
  'consentPhone',
  'doNotContact',
  'livedExperience',
  'tags',
  'notes',
] as const;

/**
 * The fields of the new-person and edit-person forms (one schema: @crm/contracts).
 * First what people fill first (name, e-mail, phone, province, city); the rest under
 * "More details", folded when `short` (a new person on a phone stays one screen tall).
 */
export function PersonFormFields({
  fields,
  values,
  provinces,
  tags,
  showLivedExperience,
  affiliations,
  owners,
  short = false,
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
  /** Fold the details (the new-person form). */
  short?: boolean;
}) {
  const t = useT();
  const lang = useLanguage();
  const half = { base: 12, sm: 6 };
  // A refused field inside keeps the details open, so its error is seen.
  const detailsRefused = detailFields.some((name) => fields[name].errors?.length) || Boolean(affiliations.field.errors?.length);
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={half}>
          <TextField field={fields.firstName} label={t('person.firstName')} autoComplete="off" data-testid="firstName" />
        </Grid.Col>
        <Grid.Col span={half}>
          <TextField field={fields.lastName} label={t('person.lastName')} autoComplete="off" data-testid="lastName" />
        </Grid.Col>
        <Grid.Col span={half}>
          <ListField
            field={fields.emails}
            values={values.emails}
            label={t('person.emails')}
            type="email"
            inputMode="email"
            autoComplete="off"
            testId="emails"
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <ListField field={fields.phones} values={values.phones} label={t('person.phones')} type="tel" inputMode="tel" autoComplete="off" testId="phones" />
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
          <TextField field={fields.city} label={t('records.city')} autoComplete="off" data-testid="city" />
        </Grid.Col>
      </Grid>
      <MoreDetails open={!short || detailsRefused} testId="more-details">
        <Grid gutter="md">
          <Grid.Col span={half}>
            <SelectField
              field={fields.leaderCategory}
              label={t('person.leaderCategory')}
              data={[{ value: '', label: t('records.none') }, ...leaderCategoryValues.map((value) => ({ value, label: t(leaderKey(value)) }))]}
              data-testid="leaderCategory"
            />
          </Grid.Col>
          <Grid.Col span={half}>
            <SelectField
              field={fields.preferredLanguage}
              label={t('person.preferredLanguage')}
              data={[
                { value: 'en', label: t('languageName.en') },
                { value: 'fr', label: t('languageName.fr') },
              ]}
              data-testid="preferredLanguage"
            />
          </Grid.Col>
          {owners ? (
            <Grid.Col span={half}>
              <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} />
            </Grid.Col>
          ) : null}
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
        {tags.length ? <TagsField field={fields.tags} tags={tags} /> : null}
        <TextAreaField field={fields.notes} label={t('records.notes')} data-testid="notes" />
      </MoreDetails>
    </Stack>
  );
}
