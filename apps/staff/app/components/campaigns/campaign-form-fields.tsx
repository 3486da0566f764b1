import { getInputProps, type FieldMetadata, type FormMetadata } from '@conform-to/react';
import { campaignLimits, campaignStatusValues, goalMetricValues } from '@crm/contracts';
import { localizedName } from '@crm/i18n';
import { ActionIcon, Button, Fieldset, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BilingualFields, DateRangeFields } from '../field-groups';
import { errorText, SelectField } from '../form-fields';
import { useLanguage, useT } from '../../utils/i18n';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type AskRow = { id?: string; titleEn?: string; titleFr?: string };
type GoalCell = { metric?: string; regionId?: string; target?: number };
type ListField<T> = Pick<FieldMetadata<T[] | undefined, Record<string, unknown>, string[]>, 'name' | 'errors' | 'errorId' | 'getFieldList'>;
type CampaignFields = Record<'nameEn' | 'nameFr' | 'descriptionEn' | 'descriptionFr' | 'startsOn' | 'endsOn' | 'status', Field> & {
  policyAsks: ListField<AskRow>;
  goals: ListField<GoalCell>;
};
type FormIntents = Pick<FormMetadata<Record<string, unknown>, string[]>, 'insert' | 'remove' | 'reorder'>;

/** The campaign form's fields (new and edit): names and descriptions in both languages, dates, status, policy asks, goals. */
export function CampaignFormFields({
  form,
  fields,
  regions,
}: {
  form: FormIntents;
  fields: CampaignFields;
  regions: readonly { id: string; nameEn: string; nameFr: string }[];
}) {
  const t = useT();
  return (
    <Stack gap="lg">
      <Grid>
        <BilingualFields en={fields.nameEn} fr={fields.nameFr} labels={[t('campaign.form.nameEn'), t('campaign.form.nameFr')]} testId="campaign-name" />
        <BilingualFields
          en={fields.descriptionEn}
          fr={fields.descriptionFr}
          labels={[t('campaign.form.descriptionEn'), t('campaign.form.descriptionFr')]}
          multiline
          testId="campaign-description"
        />
        <DateRangeFields
          start={fields.startsOn}
          end={fields.endsOn}
          type="date"
          labels={[t('campaign.form.startsOn'), t('campaign.form.endsOn')]}
          testIds={['campaign-startsOn', 'campaign-endsOn']}
          span={{ base: 12, xs: 4 }}
        />
        <Grid.Col span={{ base: 12, xs: 4 }}>
          <SelectField
            field={fields.status}
            label={t('campaigns.status')}
            data={campaignStatusValues.map((status) => ({ value: status, label: t(`campaigns.status.${status}`) }))}
            data-testid="campaign-status"
          />
        </Grid.Col>
      </Grid>
      <PolicyAsksField form={form} field={fields.policyAsks} />
      <GoalsTable field={fields.goals} regions={regions} />
    </Stack>
  );
}

/**
 * The asks as ordered rows (EN and FR titles), each with up, down and remove; "Add a
 * policy ask" below. Every button is a conform intent (a submit button): it works
 * before JavaScript loads, the action answering the form with the row moved.
 */
function PolicyAsksField({ form, field }: { form: FormIntents; field: ListField<AskRow> }) {
  const t = useT();
  const rows = field.getFieldList();
  return (
    <Fieldset
      legend={
        <Title order={2} size="h5">
          {t('campaign.policyAsks')}
        </Title>
      }
      variant="unstyled"
      data-testid="policy-asks-field"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('campaign.form.asks.help')}
        </Text>
        {field.errors?.length ? (
          <Text size="sm" c="red" id={field.errorId} role="alert">
            {errorText(t, field.errors)}
          </Text>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('campaign.policyAsks.empty')}
          </Text>
        ) : null}
        {rows.map((row, index) => {
          const ask = row.getFieldset();
          const number = index + 1;
          return (
            <Paper key={row.key} withBorder p="sm" data-testid="policy-ask-row">
              {ask.id.initialValue ? <input {...getInputProps(ask.id, { type: 'hidden' })} /> : null}
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text size="sm" fw={600}>
                  {t('campaign.form.ask', { number })}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon
                    {...form.reorder.getButtonProps({ name: field.name, from: index, to: index - 1 })}
                    type="submit"
                    variant="subtle"
                    disabled={index === 0}
                    aria-label={t('campaign.form.ask.up', { number })}
                    title={t('campaign.form.ask.up', { number })}
                    data-testid="policy-ask-up"
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    {...form.reorder.getButtonProps({ name: field.name, from: index, to: index + 1 })}
                    type="submit"
                    variant="subtle"
                    disabled={index === rows.length - 1}
                    aria-label={t('campaign.form.ask.down', { number })}
                    title={t('campaign.form.ask.down', { number })}
                    data-testid="policy-ask-down"
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    {...form.remove.getButtonProps({ name: field.name, index })}
                    type="submit"
                    variant="subtle"
                    color="red"
                    aria-label={t('campaign.form.ask.remove', { number })}
                    title={t('campaign.form.ask.remove', { number })}
                    data-testid="policy-ask-remove"
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Group>
              <Grid>
                <BilingualFields
                  en={ask.titleEn}
                  fr={ask.titleFr}
                  labels={[t('campaign.form.ask.titleEn'), t('campaign.form.ask.titleFr')]}
                  testId="policy-ask-title"
                  sentence
                />
              </Grid>
              {ask.id.errors?.length ? (
                <Text size="xs" c="red" id={ask.id.errorId}>
                  {errorText(t, ask.id.errors)}
                </Text>
              ) : null}
            </Paper>
          );
        })}
        {rows.length < campaignLimits.policyAsks ? (
          <Group>
            <Button
              {...form.insert.getButtonProps({ name: field.name, defaultValue: { titleEn: '', titleFr: '' } })}
              type="submit"
              variant="light"
              data-testid="policy-ask-add"
            >
              {t('campaign.form.ask.add')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/**
 * Goals as a table: a row per metric, a column for the national target and one per
 * region; an empty cell sets no goal. On a phone the table scrolls inside its frame
 * (the metric column stays put), never the page.
 */
function GoalsTable({ field, regions }: { field: ListField<GoalCell>; regions: readonly { id: string; nameEn: string; nameFr: string }[] }) {
  const t = useT();
  const lang = useLanguage();
  const cells = field.getFieldList();
  const places = [t('campaigns.goal.national'), ...regions.map((region) => localizedName(lang, region))];
  const width = places.length;
  return (
    <Fieldset
      legend={
        <Title order={2} size="h5">
          {t('campaign.form.goals')}
        </Title>
      }
      variant="unstyled"
      data-testid="goals-field"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id="goals-help">
          {t('campaign.form.goals.help')}
        </Text>
        {field.errors?.length ? (
          <Text size="sm" c="red" id={field.errorId} role="alert">
            {errorText(t, field.errors)}
          </Text>
        ) : null}
        <Table.ScrollContainer minWidth={180 + width * 110}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing="xs" aria-describedby="goals-help" data-testid="goals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" style={stickyColumn}>
                  {t('campaign.form.goals.metric')}
                </Table.Th>
                {places.map((place) => (
                  <Table.Th key={place} scope="col">
                    {place}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goalMetricValues.map((metric, row) => (
                <Table.Tr key={metric}>
                  <Table.Th scope="row" fw={500} style={stickyColumn}>
                    {t(`campaigns.metric.${metric}`)}
                  </Table.Th>
                  {places.map((place, column) => {
                    const cell = cells[row * width + column];
                    if (!cell) return <Table.Td key={place} />;
                    const parts = cell.getFieldset();
                    const errors = [...(parts.target.errors ?? []), ...(parts.regionId.errors ?? []), ...(parts.metric.errors ?? [])];
                    return (
                      <Table.Td key={cell.key} data-testid="goal-cell" data-metric={metric} data-place={column === 0 ? 'national' : regions[column - 1].id}>
                        <input {...getInputProps(parts.metric, { type: 'hidden' })} />
                        {parts.regionId.initialValue ? <input {...getInputProps(parts.regionId, { type: 'hidden' })} /> : null}
                        <TextInput
                          key={parts.target.key}
                          id={parts.target.id}
                          name={parts.target.name}
                          form={parts.target.formId}
                          defaultValue={parts.target.initialValue as string | undefined}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          step={1}
                          size="xs"
                          aria-label={`${t(`campaigns.metric.${metric}`)}, ${place}`}
                          error={errors.length ? errorText(t, errors) : undefined}
                          data-testid="goal-target"
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Fieldset>
  );
}

// The metric names stay in view while the targets scroll sideways on a phone.
const stickyColumn = { position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 150 } as const;
