import { getInputProps, type FieldMetadata, type FormMetadata } from '@conform-to/react';
import { CloseButton, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorText, TextField } from '../form-fields';
import { useT } from '../../utils/i18n';
import { SearchPicker } from './record-picker';

type Affiliation = { organizationId?: string; title?: string | null };
// Only what is read below, so the route's typed form fits.
type AffiliationsMetadata = Pick<FieldMetadata<Affiliation[] | undefined, Record<string, unknown>, string[]>, 'name' | 'errors' | 'errorId' | 'getFieldList'>;
type FormIntents = Pick<FormMetadata<Record<string, unknown>, string[]>, 'insert' | 'remove'>;

/**
 * The person's affiliations: a row per organization (its title editable, a button
 * to remove it) and a searchable picker that adds one. Rows are conform list items
 * (`affiliations[1].organizationId`), so errors sit beside their row; removing works
 * before JavaScript loads (conform intent buttons), searching needs it.
 */
export function AffiliationsField({ form, field, names }: { form: FormIntents; field: AffiliationsMetadata; names: Record<string, string> }) {
  const t = useT();
  // Names of the organizations on the rows: the record's, then those picked here.
  const [known, setKnown] = useState(names);
  const rows = field.getFieldList().map((row) => ({ row, fieldset: row.getFieldset() }));
  const chosen = new Set(rows.map(({ fieldset }) => String(fieldset.organizationId.value ?? '')));

  return (
    <Fieldset legend={t('person.affiliations')} variant="unstyled" data-testid="affiliations-field">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('person.affiliations.help')}
        </Text>
        {field.errors?.length ? (
          <Text size="sm" c="red" id={field.errorId} role="alert">
            {errorText(t, field.errors)}
          </Text>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('person.affiliations.empty')}
          </Text>
        ) : null}
        {rows.map(({ row, fieldset }, index) => {
          const id = String(fieldset.organizationId.value ?? fieldset.organizationId.initialValue ?? '');
          const organization = known[id] ?? t('person.affiliations.unnamed');
          return (
            <Group key={row.key} align="flex-end" wrap="nowrap" gap="sm" data-testid="affiliation-row" data-organization-id={id}>
              <input {...getInputProps(fieldset.organizationId, { type: 'hidden' })} />
              <Stack gap={2} style={{ flex: 1 }}>
                <TextField field={fieldset.title} label={t('person.affiliations.title', { organization })} data-testid="affiliation-title" />
                {fieldset.organizationId.errors?.length ? (
                  <Text size="xs" c="red" id={fieldset.organizationId.errorId}>
                    {errorText(t, fieldset.organizationId.errors)}
                  </Text>
                ) : null}
              </Stack>
              {/* A submit button (Mantine's default is "button"): conform handles it in the browser, the action before JavaScript. */}
              <CloseButton
                {...form.remove.getButtonProps({ name: field.name, index })}
                type="submit"
                aria-label={t('person.affiliations.remove', { organization })}
                title={t('person.affiliations.remove', { organization })}
                mb={6}
                data-testid="affiliation-remove"
              />
            </Group>
          );
        })}
        <SearchPicker
          kind="organization"
          label={t('person.affiliations.add')}
          placeholder={t('person.affiliations.add.placeholder')}
          exclude={chosen}
          testId="affiliation"
          onPick={(organization) => {
            setKnown((current) => ({ ...current, [organization.id]: organization.name }));
            form.insert({ name: field.name, defaultValue: { organizationId: organization.id, title: '' } });
          }}
        />
        <noscript>
          <Text size="xs" c="dimmed">
            {t('person.affiliations.add.noScript')}
          </Text>
        </noscript>
      </Stack>
    </Fieldset>
  );
}
