import type { FieldMetadata, FormMetadata } from '@conform-to/react';
import type { Translate } from '@crm/i18n';
import {
  Alert,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NativeSelect,
  PasswordInput,
  Stack,
  Textarea,
  TextInput,
  type MultiSelectProps,
  type NativeSelectProps,
  type TextareaProps,
  type PasswordInputProps,
  type TextInputProps,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { messageText } from '../utils/messages';
import { useT } from '../utils/i18n';

// Mantine inputs bound to a conform field: name, id, default value and the
// field's errors (catalogue keys, utils/forms.ts) shown beside it, in the user's
// language. Mantine links the error and description to the input for screen readers.

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
// Any field of any form: only what is read below.
type AnyField = Pick<Field, 'id' | 'name' | 'formId' | 'key' | 'required' | 'errors' | 'defaultValue' | 'defaultOptions'>;

export function errorText(t: Translate, errors: string[] | undefined): string | undefined {
  const first = errors?.[0];
  if (!first) return undefined;
  return messageText(t, first);
}

function controlProps(field: AnyField) {
  return { id: field.id, name: field.name, form: field.formId, required: field.required };
}

type TextFieldProps = { field: AnyField } & Omit<TextInputProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue'>;

/**
 * A hint under its field rather than between label and field: in a grid row, the boxes of a
 * field with a hint and one without (or with a longer one) then line up.
 */
export const hintBelow: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export function TextField({ field, ...props }: TextFieldProps) {
  const t = useT();
  return <TextInput key={field.key} {...controlProps(field)} defaultValue={field.defaultValue} error={errorText(t, field.errors)} {...props} />;
}

type TextAreaFieldProps = { field: AnyField } & Omit<TextareaProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue'>;

// Several lines of text (a story, a note), growing with what is typed.
export function TextAreaField({ field, ...props }: TextAreaFieldProps) {
  const t = useT();
  return (
    <Textarea key={field.key} {...controlProps(field)} defaultValue={field.defaultValue} error={errorText(t, field.errors)} autosize minRows={3} {...props} />
  );
}

type PasswordFieldProps = { field: AnyField } & Omit<PasswordInputProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue'>;

export function PasswordField({ field, ...props }: PasswordFieldProps) {
  const t = useT();
  // Never prefilled: the server does not send passwords back (hideFields).
  return <PasswordInput key={field.key} {...controlProps(field)} error={errorText(t, field.errors)} {...props} />;
}

type SelectFieldProps = { field: AnyField } & Omit<NativeSelectProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue'>;

// A native <select>: it works before JavaScript and conform sees every change.
export function SelectField({ field, ...props }: SelectFieldProps) {
  const t = useT();
  return <NativeSelect key={field.key} {...controlProps(field)} defaultValue={field.defaultValue} error={errorText(t, field.errors)} {...props} />;
}

// Several choices as native checkboxes sharing one name (regions).
export function CheckboxGroupField({
  field,
  label,
  description,
  options,
  disabled,
}: {
  field: AnyField;
  label: ReactNode;
  description?: ReactNode;
  options: { value: string; label: string }[];
  disabled?: boolean;
}) {
  const t = useT();
  const checked = new Set(field.defaultOptions ?? (field.defaultValue ? [field.defaultValue] : []));
  return (
    <Checkbox.Group key={field.key} label={label} description={description} error={errorText(t, field.errors)} defaultValue={[...checked]}>
      <Group gap="lg" mt={6}>
        {options.map((option) => (
          <Checkbox key={option.value} name={field.name} form={field.formId} value={option.value} label={option.label} disabled={disabled} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

type MultiSelectFieldProps = { field: AnyField } & Omit<MultiSelectProps, 'name' | 'id' | 'form' | 'error' | 'defaultValue' | 'value' | 'onChange'>;

/**
 * Several choices from a long list (tags), searchable by their names. Each choice
 * is posted as its own hidden input under the field's name, as checkboxes would
 * be, so the schema reads a list; before JavaScript the record's choices are
 * posted unchanged.
 */
export function MultiSelectField(props: MultiSelectFieldProps) {
  // A new key (conform reset the form) starts again from the field's values.
  return <ChoicesSelect key={props.field.key} {...props} />;
}

function ChoicesSelect({ field, disabled, ...props }: MultiSelectFieldProps) {
  const t = useT();
  const initial = (field.defaultOptions ?? (typeof field.defaultValue === 'string' && field.defaultValue ? [field.defaultValue] : [])).filter(
    (value): value is string => typeof value === 'string',
  );
  const [value, setValue] = useState(initial);
  return (
    <>
      <MultiSelect
        id={field.id}
        value={value}
        onChange={setValue}
        error={errorText(t, field.errors)}
        disabled={disabled}
        searchable
        clearable
        hidePickedOptions
        {...props}
      />
      {/* A disabled field is not posted (the locked fields' own hidden inputs carry it). */}
      {disabled ? null : value.map((choice) => <input key={choice} type="hidden" name={field.name} form={field.formId} value={choice} />)}
    </>
  );
}

/**
 * Fields people fill less often, folded under "More details": a native
 * <details>, so it opens before JavaScript and its fields are posted either way.
 * Opened when told (an edit form, or a refused field inside).
 */
export function MoreDetails({ open, children, testId }: { open: boolean; children: ReactNode; testId?: string }) {
  const t = useT();
  return (
    <details open={open} data-testid={testId}>
      <summary style={{ cursor: 'pointer', fontWeight: 600, padding: '4px 0' }}>{t('records.moreDetails')}</summary>
      <Stack gap="md" mt="sm">
        {children}
      </Stack>
    </details>
  );
}

// The form's own errors (not tied to one field): the API's refusals, a stale link…
export function FormAlert({ form }: { form: Pick<FormMetadata<Record<string, unknown>, string[]>, 'errors' | 'errorId'> }) {
  const t = useT();
  const errors = form.errors ?? [];
  if (!errors.length) return null;
  return (
    <Alert id={form.errorId} color="red" variant="light" role="alert" data-testid="form-error">
      {errors.length === 1 ? (
        errorText(t, errors)
      ) : (
        <List size="sm">
          {errors.map((error) => (
            <List.Item key={error}>{errorText(t, [error])}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

// Fields one under the other, evenly spaced.
export function FieldStack({ children }: { children: ReactNode }) {
  return <Stack gap="md">{children}</Stack>;
}
