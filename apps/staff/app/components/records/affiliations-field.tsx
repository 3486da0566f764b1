import { getInputProps, type FieldMetadata, type FormMetadata } from '@conform-to/react';
import { CloseButton, Combobox, Fieldset, Group, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useFetcher } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { errorText, TextField } from '../form-fields';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import type { loader as organizationOptionsLoader } from '../../routes/organizations.options';

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
        <OrganizationPicker
          exclude={chosen}
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

/** Type to search the organizations the user can see (the /organizations/options resource route); arrows and Enter pick one. */
export function OrganizationPicker({
  exclude,
  onPick,
  label,
  error,
  testId = 'affiliation-search',
}: {
  exclude: Set<string>;
  onPick: (organization: { id: string; name: string }) => void;
  label?: string;
  error?: string;
  testId?: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const fetcher = useFetcher<typeof organizationOptionsLoader>();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const load = useDebouncedCallback((text: string) => fetcher.load(`/organizations/options?${new URLSearchParams({ search: text.trim() })}`), 250);
  const options = (fetcher.data?.options ?? []).filter((option) => !exclude.has(option.id));
  const loading = fetcher.state !== 'idle';

  // New results: the first one is what Enter picks.
  useEffect(() => {
    if (fetcher.data) combobox.selectFirstOption();
  }, [fetcher.data]);

  return (
    <Combobox
      store={combobox}
      withinPortal={false}
      onOptionSubmit={(id) => {
        const option = options.find((candidate) => candidate.id === id);
        if (!option) return;
        onPick({ id, name: organizationName(lang, option) });
        setSearch('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label ?? t('person.affiliations.add')}
          error={error}
          placeholder={t('person.affiliations.add.placeholder')}
          value={search}
          autoComplete="off"
          rightSection={loading ? <Loader size={14} /> : null}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            load(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => {
            combobox.openDropdown();
            if (!fetcher.data) load(search);
          }}
          onClick={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          // Enter picks the highlighted organization; it never submits the whole form.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          data-testid={testId}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {options.length ? (
            options.map((option) => (
              <Combobox.Option value={option.id} key={option.id} data-testid="affiliation-option">
                {organizationName(lang, option)}{' '}
                <Text span size="xs" c="dimmed">
                  {[option.city, option.provinceCode].filter(Boolean).join(', ')}
                </Text>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{loading || !fetcher.data ? t('person.affiliations.add.searching') : t('person.affiliations.add.noMatch')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
