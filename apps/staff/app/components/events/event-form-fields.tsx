import type { FieldMetadata } from '@conform-to/react';
import { eventKindValues } from '@crm/contracts';
import type { OwnerOptionFieldsFragment } from '@crm/staff-graphql';
import { Grid, Stack, Title } from '@mantine/core';
import { campaignOptions } from '../../utils/campaigns';
import { eventKindKey } from '../../utils/events';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import { BilingualFields, DateRangeFields } from '../field-groups';
import { errorText, hintBelow, SelectField, TextAreaField, TextField } from '../form-fields';
import { OwnerField } from '../records/owner-field';
import { RecordPicker, type Picked } from '../records/record-picker';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type EventFields = Record<
  | 'campaignId'
  | 'titleEn'
  | 'titleFr'
  | 'descriptionEn'
  | 'descriptionFr'
  | 'kind'
  | 'organizationId'
  | 'hostPersonIds'
  | 'provinceCode'
  | 'timeZone'
  | 'startsAt'
  | 'endsAt'
  | 'place'
  | 'onlineUrl'
  | 'capacity'
  | 'ownerId',
  Field
>;

/**
 * The event form's fields (new and edit): titles and descriptions in both languages,
 * the kind, the hosts (searchable pickers), and when and where — the start and end are
 * wall-clock times in the event's own zone (decision 110), which the zone picker names.
 */
export function EventFormFields({
  fields,
  formId,
  campaigns,
  provinces,
  owners,
  hosts,
  timeZones,
}: {
  fields: EventFields;
  formId: string;
  campaigns: readonly { id: string; nameEn: string; nameFr: string }[];
  provinces: readonly { code: string; nameEn: string; nameFr: string }[];
  owners: { options: readonly OwnerOptionFieldsFragment[]; currentOwnerId?: string | null } | null;
  hosts: { organization: Picked | null; leaders: readonly Picked[] };
  /** The zone choices with their offsets, as the loader named them (the browser's zone data may differ: one rendering). */
  timeZones: readonly { value: string; label: string }[];
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Stack gap="md">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField field={fields.campaignId} label={t('event.campaignId')} data={campaignOptions(lang, campaigns)} data-testid="campaignId" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.kind}
            label={t('event.kind')}
            data={[{ value: '', label: '' }, ...eventKindValues.map((value) => ({ value, label: t(eventKindKey(value)) }))]}
            data-testid="kind"
          />
        </Grid.Col>
        <BilingualFields en={fields.titleEn} fr={fields.titleFr} labels={[t('event.titleEn'), t('event.titleFr')]} testId="title" />
      </Grid>

      <Title order={2} size="h4">
        {t('event.section.when')}
      </Title>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.provinceCode}
            label={t('event.provinceCode')}
            data={[{ value: '', label: '' }, ...provinces.map((province) => ({ value: province.code, label: organizationName(lang, province) }))]}
            data-testid="provinceCode"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.timeZone}
            label={t('event.timeZone')}
            description={t('event.timeZone.hint')}
            inputWrapperOrder={hintBelow}
            data={[{ value: '', label: '' }, ...timeZones]}
            data-testid="timeZone"
          />
        </Grid.Col>
        <DateRangeFields
          start={fields.startsAt}
          end={fields.endsAt}
          type="datetime-local"
          labels={[t('event.startsAt'), t('event.endsAt')]}
          testIds={['startsAt', 'endsAt']}
        />
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.place} label={t('event.place')} data-testid="place" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField field={fields.onlineUrl} type="url" label={t('event.onlineUrl')} data-testid="onlineUrl" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextField
            field={fields.capacity}
            type="number"
            min={1}
            label={t('event.capacity')}
            description={t('event.capacity.hint')}
            inputWrapperOrder={hintBelow}
            data-testid="capacity"
          />
        </Grid.Col>
        {owners ? (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OwnerField field={fields.ownerId} owners={owners.options} currentOwnerId={owners.currentOwnerId} label={t('event.ownerId')} />
          </Grid.Col>
        ) : null}
      </Grid>

      <Title order={2} size="h4">
        {t('event.section.hosts')}
      </Title>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <RecordPicker
            kind="organization"
            name={fields.organizationId.name}
            formId={formId}
            label={t('event.organizationId')}
            initial={hosts.organization ? [hosts.organization] : []}
            error={errorText(t, fields.organizationId.errors)}
            testId="host-organization"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <RecordPicker
            kind="person"
            name={fields.hostPersonIds.name}
            formId={formId}
            label={t('event.hostPersonIds')}
            initial={hosts.leaders}
            multiple
            error={errorText(t, fields.hostPersonIds.errors)}
            testId="host-leaders"
          />
        </Grid.Col>
      </Grid>

      <Title order={2} size="h4">
        {t('event.section.description')}
      </Title>
      <TextAreaField field={fields.descriptionEn} label={t('event.descriptionEn')} lang="en" data-testid="descriptionEn" />
      <TextAreaField field={fields.descriptionFr} label={t('event.descriptionFr')} lang="fr" data-testid="descriptionFr" />
    </Stack>
  );
}
