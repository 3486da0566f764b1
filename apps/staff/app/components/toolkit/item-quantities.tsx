import type { FieldMetadata } from '@conform-to/react';
import type { ToolkitEdition, ToolkitItemKind } from '@crm/contracts';
import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { errorText } from '../form-fields';
import { useLanguage, useT } from '../../utils/i18n';
import { itemTitle, toolkitEditionKey, toolkitKindKey } from '../../utils/toolkit';

type Item = {
  id: string;
  kind: ToolkitItemKind;
  language: ToolkitEdition;
  titleEn: string;
  titleFr: string;
  descriptionEn?: string | null;
  descriptionFr?: string | null;
};
type LineField = FieldMetadata<{ itemId: string; quantity: unknown }[], Record<string, unknown>, string[]>;

/**
 * One quantity per catalogue item (0 or empty for none), as `items[i].itemId` / `items[i].quantity`:
 * plain inputs, so the form works without JavaScript; each line's error beside it, the list's below.
 */
export function ItemQuantities({ field, items }: { field: LineField; items: readonly Item[] }) {
  const t = useT();
  const lang = useLanguage();
  const lines = field.getFieldList();
  return (
    <Fieldset legend={t('toolkit.form.items')} variant="unstyled" data-testid="item-quantities">
      <Text size="sm" c="dimmed" mb="xs">
        {t('toolkit.form.itemsHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {items.map((item, index) => {
          const line = lines[index]?.getFieldset();
          const about = lang === 'fr' ? item.descriptionFr : item.descriptionEn;
          return (
            <div key={item.id}>
              <input type="hidden" name={`${field.name}[${index}].itemId`} value={item.id} />
              <TextInput
                type="number"
                min={0}
                max={1000}
                inputMode="numeric"
                name={`${field.name}[${index}].quantity`}
                id={`${field.id}-${index}-quantity`}
                defaultValue={(line?.quantity.initialValue as string | undefined) ?? ''}
                // Empty is none: it reads 0, as the form's hint says ("leave the others at 0").
                placeholder="0"
                label={itemTitle(lang, item)}
                description={
                  <>
                    {t(toolkitKindKey(item.kind))} · {t(toolkitEditionKey(item.language))}
                    {about ? (
                      <>
                        <br />
                        {about}
                      </>
                    ) : null}
                  </>
                }
                error={errorText(t, line?.quantity.errors)}
                data-testid={`quantity-${item.id}`}
              />
            </div>
          );
        })}
      </SimpleGrid>
      {field.errors?.length ? (
        <Text size="sm" c="red.8" mt="xs" role="alert" id={field.errorId} data-testid="items-error">
          {errorText(t, field.errors)}
        </Text>
      ) : null}
    </Fieldset>
  );
}
