import type { FieldMetadata } from '@conform-to/react';
import { toolkitEditionValues, toolkitItemKindValues, type ToolkitItemKind } from '@crm/contracts';
import { Grid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../../utils/i18n';
import { toolkitEditionKey, toolkitKindKey } from '../../utils/toolkit';
import { BilingualFields, CountField } from '../field-groups';
import { hintBelow, SelectField, TextField } from '../form-fields';

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type ItemFields = Record<'language' | 'titleEn' | 'titleFr' | 'descriptionEn' | 'descriptionFr' | 'lowStockThreshold' | 'downloadUrl', Field> &
  Partial<Record<'kind' | 'initialStock', Field>>;

/**
 * A toolkit material's fields (new and edit): kind, edition, both names and descriptions,
 * the low-stock threshold and, by kind, the copies on hand (physical items, new only) or the
 * file the tracked download serves (digital files). A new material's kind is chosen here; an
 * existing one's is fixed (`kind` given) and its stock changes in the inventory. Before JavaScript every field shows, each saying
 * which kinds it is for; in the browser only the chosen kind's fields show.
 */
export function ToolkitItemFormFields({ fields, kind }: { fields: ItemFields; kind?: ToolkitItemKind }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const chosen = (kind ?? fields.kind?.value) as ToolkitItemKind | undefined;
  const show = (digital: boolean) => (kind || hydrated ? (chosen === 'digital_file') === digital : true);
  return (
    <Stack gap="md">
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {/* conform's `fields` has every name: whether the kind is chosen here is the `kind` prop's to say. */}
          {!kind && fields.kind ? (
            <SelectField
              field={fields.kind}
              label={t('toolkit.item.form.kind')}
              data={toolkitItemKindValues.map((value) => ({ value, label: t(toolkitKindKey(value)) }))}
              data-testid="item-kind"
            />
          ) : (
            <TextInput
              label={t('toolkit.item.form.kind')}
              value={t(toolkitKindKey(kind!))}
              description={t('toolkit.item.form.kind.fixed')}
              inputWrapperOrder={hintBelow}
              readOnly
              variant="filled"
              data-testid="item-kind-fixed"
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <SelectField
            field={fields.language}
            label={t('toolkit.item.form.language')}
            description={t('toolkit.item.form.language.help')}
            inputWrapperOrder={hintBelow}
            data={toolkitEditionValues.map((value) => ({ value, label: t(toolkitEditionKey(value)) }))}
            data-testid="item-language"
          />
        </Grid.Col>
        <BilingualFields
          en={fields.titleEn}
          fr={fields.titleFr}
          labels={[t('toolkit.item.form.titleEn'), t('toolkit.item.form.titleFr')]}
          testId="item-title"
        />
        <BilingualFields
          en={fields.descriptionEn}
          fr={fields.descriptionFr}
          labels={[t('toolkit.item.form.descriptionEn'), t('toolkit.item.form.descriptionFr')]}
          description={t('toolkit.item.form.description.help')}
          multiline
          testId="item-description"
        />
        {show(false) ? (
          <>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CountField
                field={fields.lowStockThreshold}
                label={t('toolkit.item.form.lowStockThreshold')}
                description={t('toolkit.item.form.lowStockThreshold.help')}
                testId="item-lowStockThreshold"
              />
            </Grid.Col>
            {!kind && fields.initialStock ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <CountField
                  field={fields.initialStock}
                  label={t('toolkit.item.form.initialStock')}
                  description={t('toolkit.item.form.initialStock.help')}
                  testId="item-initialStock"
                />
              </Grid.Col>
            ) : null}
          </>
        ) : (
          // A digital file has no stock: its threshold (unused) goes back as it was.
          <input type="hidden" name={fields.lowStockThreshold.name} value={String(fields.lowStockThreshold.initialValue ?? 0)} />
        )}
        {show(true) ? (
          <Grid.Col span={12}>
            <TextField
              field={fields.downloadUrl}
              type="url"
              inputMode="url"
              label={t('toolkit.item.form.downloadUrl')}
              description={t('toolkit.item.form.downloadUrl.help')}
              data-testid="item-downloadUrl"
            />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
