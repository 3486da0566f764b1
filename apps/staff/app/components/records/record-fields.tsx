import type { FieldMetadata } from '@conform-to/react';
import { Checkbox, Stack, TextInput, type TextInputProps } from '@mantine/core';
import { errorText, MultiSelectField } from '../form-fields';
import { useLanguage, useT } from '../../utils/i18n';

type AnyField = Pick<
  FieldMetadata<unknown, Record<string, unknown>, string[]>,
  'id' | 'name' | 'formId' | 'key' | 'errors' | 'allErrors' | 'defaultValue' | 'defaultOptions'
>;

/**
 * Several values (e-mails, phones): one single-line input per value, plus an empty
 * one for the next (up to `max`), named `emails[0]`, `emails[1]`… so each gets its
 * keyboard (`type`, `inputMode`) and autofill, and an item's error shows beside it.
 * Plain inputs: it works before JavaScript; a value is added by saving and coming back.
 */
export function ListField({
  field,
  values,
  label,
  max = 5,
  testId,
  ...props
}: { field: AnyField; values?: readonly string[]; label: string; max?: number; testId: string } & Pick<
  TextInputProps,
  'type' | 'inputMode' | 'autoComplete' | 'description'
>) {
  const t = useT();
  // After a refused submission conform gives back what was typed; else the record's values.
  const typed = field.defaultOptions ?? (typeof field.defaultValue === 'string' && field.defaultValue ? [field.defaultValue] : undefined);
  const current = (typed ?? values ?? []).filter((value): value is string => typeof value === 'string' && value !== '');
  const count = Math.min(max, current.length + 1);
  return (
    <Stack gap={6}>
      {Array.from({ length: count }, (_, index) => {
        const name = `${field.name}[${index}]`;
        // The list's own error (too many) goes with the first input.
        const errors = field.allErrors?.[name] ?? (index === 0 ? field.errors : undefined);
        return (
          <TextInput
            key={`${field.key ?? ''}-${index}`}
            id={index === 0 ? field.id : `${field.id}-${index}`}
            name={name}
            form={field.formId}
            defaultValue={current[index] ?? ''}
            label={index === 0 ? label : t('records.listMore', { label, n: index + 1 })}
            error={errorText(t, errors)}
            data-testid={index === 0 ? testId : `${testId}-${index}`}
            {...props}
          />
        );
      })}
    </Stack>
  );
}

/** A native checkbox bound to a conform field (checked → "on" → true). */
export function CheckField({
  field,
  label,
  checked,
  description,
  testId,
}: {
  field: AnyField;
  label: string;
  checked: boolean;
  description?: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <Checkbox
      key={field.key}
      id={field.id}
      name={field.name}
      form={field.formId}
      defaultChecked={checked}
      label={label}
      description={description}
      error={errorText(t, field.errors)}
      data-testid={testId}
    />
  );
}

/** Tags by their names in the viewer's language, searchable (the slug is what is posted). */
export function TagsField({
  field,
  tags,
  disabled,
  description,
}: {
  field: AnyField;
  tags: readonly { slug: string; labelEn: string; labelFr: string }[];
  disabled?: boolean;
  description?: string;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <MultiSelectField
      field={field}
      label={t('records.tags')}
      placeholder={t('records.tags.search')}
      nothingFoundMessage={t('records.tags.none')}
      data={tags.map((tag) => ({ value: tag.slug, label: lang === 'fr' ? tag.labelFr : tag.labelEn }))}
      disabled={disabled}
      description={description}
      data-testid="tags"
    />
  );
}
