import type { FieldMetadata } from '@conform-to/react';
import { consentLevelValues, consentMethodValues, storyKindValues } from '@crm/contracts';
import type { OwnerOptionFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack, Title } from '@mantine/core';
import { campaignOptions } from '../../utils/campaigns';
import { SelectField, TextAreaField, TextField } from '../form-fields';
import { OwnerField } from '../records/owner-field';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import { consentLevelKey, consentMethodKey, storyKindKey } from '../../utils/stories';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type StoryFields = Record<
  | 'campaignId'
  | 'kind'
  | 'language'
  | 'title'
  | 'text'
  | 'provinceCode'
  | 'storytellerName'
  | 'ownerId'
  | 'consentLevel'
  | 'consentDate'
  | 'consentMethod'
  | 'consentNote',
  Field
>;

/**
 * The story form's fields (new and edit). `locked` names the fields the shared ability
 * does not let this user change on this story (the storyteller, the consent level for a
 * coordinator who did not gather it): they are not shown, and the action leaves them out.
 */
export function StoryFormFields({
  fields,
  campaigns,
  provinces,
  owners,
  locked,
}: {
  fields: StoryFields;
  campaigns: readonly { id: string; nameEn: string; nameFr: string }[];
  provinces: readonly { code: string; nameEn: string; nameFr: string }[];
  owners: { options: readonly OwnerOptionFieldsFragment[]; currentOwnerId?: string | null } | null;
  locked: readonly string[];
}) {
  const t = useT();
  const lang = useLanguage();
  const shows = (field: string) => !locked.includes(field);
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField field={fields.campaignId} label={t('story.campaignId')} data={campaignOptions(lang, campaigns)} data-testid="campaignId" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.kind}
            label={t('story.kind')}
            data={[{ value: '', label: '' }, ...storyKindValues.map((value) => ({ value, label: t(storyKindKey(value)) }))]}
            data-testid="kind"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.language}
            label={t('story.language')}
            data={[
              { value: 'en', label: t('languageName.en') },
              { value: 'fr', label: t('languageName.fr') },
            ]}
            data-testid="language"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.provinceCode}
            label={t('story.provinceCode')}
            data={[{ value: '', label: '' }, ...provinces.map((province) => ({ value: province.code, label: organizationName(lang, province) }))]}
            data-testid="provinceCode"
          />
        </Grid.Col>
      </Grid>
      <TextField field={fields.title} label={t('story.title')} data-testid="title" />
      <TextAreaField field={fields.text} label={t('story.text')} minRows={6} data-testid="text" />
      <Grid gutter="md">
        {shows('storytellerName') ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextField
              field={fields.storytellerName}
              label={t('story.storytellerName')}
              description={t('story.storytellerName.hint')}
              data-testid="storytellerName"
            />
          </Grid.Col>
        ) : null}
        {owners ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} label={t('story.ownerId')} />
          </Grid.Col>
        ) : null}
      </Grid>
      <Title order={2} size="h4">
        {t('story.section.consent')}
      </Title>
      <Grid gutter="md">
        {shows('consentLevel') ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SelectField
              field={fields.consentLevel}
              label={t('story.consentLevel')}
              data={[{ value: '', label: '' }, ...consentLevelValues.map((value) => ({ value, label: t(consentLevelKey(value)) }))]}
              data-testid="consentLevel"
            />
          </Grid.Col>
        ) : null}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.consentDate} type="date" label={t('story.consentDate')} data-testid="consentDate" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.consentMethod}
            label={t('story.consentMethod')}
            data={[{ value: '', label: '' }, ...consentMethodValues.map((value) => ({ value, label: t(consentMethodKey(value)) }))]}
            data-testid="consentMethod"
          />
        </Grid.Col>
      </Grid>
      <TextAreaField field={fields.consentNote} label={t('story.consentNote')} data-testid="consentNote" />
    </Stack>
  );
}
