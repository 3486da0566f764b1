import type { FieldMetadata } from '@conform-to/react';
import { Checkbox, Textarea, type TextareaProps } from '@mantine/core';
import { errorText } from '../form-fields';
import { useT } from '../../utils/i18n';

type AnyField = Pick<
  FieldMetadata<unknown, Record<string, unknown>, string[]>,
  'id' | 'name' | 'formId' | 'key' | 'errors' | 'allErrors' | 'defaultValue' | 'defaultOptions'
>;

// Conform names an item's error `emails[1]`: a list read from one textarea shows them all beside it.
function listErrors(field: AnyField): string[] | undefined {
  const all = Object.values(field.allErrors ?? {}).flat();
  return all.length ? all : field.errors;
}

/** Several values (e-mails, phones) in one textarea, one per line. */
export function ListField({
  field,
  values,
  ...props
}: { field: AnyField; values?: readonly string[] } & Omit<TextareaProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue'>) {
  const t = useT();
  // After a refused submission conform gives back what was typed; else the record's values.
  const initial = typeof field.defaultValue === 'string' ? field.defaultValue : (values ?? []).join('\n');
  return (
    <Textarea
      key={field.key}
      id={field.id}
      name={field.name}
      form={field.formId}
      defaultValue={initial}
      autosize
      minRows={2}
      description={t('records.listHelp')}
      error={errorText(t, listErrors(field))}
      {...props}
    />
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
