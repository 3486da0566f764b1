import { CloseButton, Combobox, Group, Input, Loader, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useFetcher } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName, personName } from '../../utils/records';

export type Picked = { id: string; name: string };
type Option = { id: string; name: string; detail: string };
type OptionsAnswer = {
  options: ({ id: string; city?: string | null; provinceCode: string } & ({ firstName: string; lastName: string } | { nameEn: string; nameFr: string }))[];
};

/**
 * A searchable picker of people or organizations (the /people/options and
 * /organizations/options resource routes): type a few letters, arrows and Enter
 * pick. The choices travel as hidden inputs named `name` (one per id), so the
 * form posts ids while the screen shows names. `multiple` keeps a list.
 */
export function RecordPicker({
  kind,
  name,
  label,
  initial,
  multiple = false,
  error,
  formId,
  testId,
}: {
  kind: 'person' | 'organization';
  name: string;
  label: string;
  initial: readonly Picked[];
  multiple?: boolean;
  error?: string;
  formId?: string;
  testId: string;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<Picked[]>([...initial]);
  const inputId = useId();
  const remove = (id: string) => setChosen((current) => current.filter((picked) => picked.id !== id));

  return (
    <Input.Wrapper label={label} error={error} labelProps={{ htmlFor: inputId }} data-testid={testId}>
      <Stack gap={6}>
        {chosen.map((picked) => (
          <Group key={picked.id} gap="xs" wrap="nowrap" data-testid={`${testId}-chosen`} data-id={picked.id}>
            <input type="hidden" name={name} value={picked.id} form={formId} />
            <Text size="sm" style={{ flex: 1 }}>
              {picked.name}
            </Text>
            <CloseButton size="sm" aria-label={t('picker.remove', { name: picked.name })} onClick={() => remove(picked.id)} />
          </Group>
        ))}
        {/* Nothing chosen, single: still post the field, empty (the edit form clears it). */}
        {!multiple && chosen.length === 0 ? <input type="hidden" name={name} value="" form={formId} /> : null}
        {multiple || chosen.length === 0 ? (
          <SearchPicker
            kind={kind}
            inputId={inputId}
            exclude={new Set(chosen.map((picked) => picked.id))}
            onPick={(picked) => setChosen((current) => (multiple ? [...current, picked] : [picked]))}
            testId={testId}
          />
        ) : null}
        <noscript>
          <Text size="xs" c="dimmed">
            {t('picker.noScript')}
          </Text>
        </noscript>
      </Stack>
    </Input.Wrapper>
  );
}

/**
 * Type to search people or organizations the user can see (the /people/options and
 * /organizations/options resource routes); arrows and Enter pick one, handed to `onPick`.
 * `testId` names the input (`<testId>-search`) and the options (`<testId>-option`).
 */
export function SearchPicker({
  kind,
  inputId,
  label,
  placeholder,
  exclude,
  onPick,
  testId,
}: {
  kind: 'person' | 'organization';
  inputId?: string;
  label?: string;
  placeholder?: string;
  exclude: Set<string>;
  onPick: (picked: Picked) => void;
  testId: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const [search, setSearch] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useFetcher<OptionsAnswer>();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const load = useDebouncedCallback(
    (text: string) => fetcher.load(`/${kind === 'person' ? 'people' : 'organizations'}/options?${new URLSearchParams({ search: text.trim() })}`),
    250,
  );
  const options: Option[] = (fetcher.data?.options ?? [])
    .map((option) => ({
      id: option.id,
      name: 'firstName' in option ? personName(option) : organizationName(lang, option),
      detail: [option.city, option.provinceCode].filter(Boolean).join(', '),
    }))
    .filter((option) => !exclude.has(option.id));
  const loading = fetcher.state !== 'idle';

  // New results: the list shows them, even when it closed while they were on their way
  // (typed, then the list closed, while the field kept or got back focus); the first one is
  // what Enter picks. Only new results reopen it: not a close after a pick.
  const shown = useRef<OptionsAnswer | undefined>(undefined);
  useEffect(() => {
    if (!fetcher.data) return;
    const fresh = shown.current !== fetcher.data;
    shown.current = fetcher.data;
    if (combobox.dropdownOpened) combobox.selectFirstOption();
    else if (fresh && input.current && input.current === document.activeElement) combobox.openDropdown();
  }, [fetcher.data, combobox.dropdownOpened]);

  return (
    // The list is drawn at the page's top level (a portal), not inside the field's card: a card
    // clips what overflows it, and a list that opened upwards (the field low on the screen)
    // lost its first options to the card's edge, the very one Enter picks, until the page moved.
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const option = options.find((candidate) => candidate.id === id);
        if (!option) return;
        onPick({ id, name: option.name });
        setSearch('');
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          id={inputId}
          label={label}
          placeholder={placeholder ?? t(kind === 'person' ? 'picker.person.placeholder' : 'picker.organization.placeholder')}
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
          // Enter picks the highlighted one; it never submits the whole form.
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.preventDefault();
          }}
          data-testid={`${testId}-search`}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {options.length ? (
            options.map((option) => (
              <Combobox.Option value={option.id} key={option.id} data-testid={`${testId}-option`}>
                {/* The place in the option's own colour, lighter: grey ("dimmed") was unreadable on the highlighted option's blue. */}
                {option.name}{' '}
                <Text span size="xs" c="inherit" opacity={0.8}>
                  {option.detail}
                </Text>
              </Combobox.Option>
            ))
          ) : (
            <Combobox.Empty>{loading || !fetcher.data ? t('picker.searching') : t('picker.noMatch')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
