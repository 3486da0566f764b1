import { Alert, Anchor, Button, Card, Group, List, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Form, Link } from '@remix-run/react';
import { useState } from 'react';
import { ActionForm } from '../action-form';
import type { ReactNode } from 'react';
import { localizedName, type Language, type Translate } from '@crm/i18n';
import type { ProvinceFieldsFragment, TagFieldsFragment } from '@crm/staff-graphql';
import { useT } from '../../utils/i18n';
import { BackLink } from '../back-link';
import { PageHeader } from '../page-header';

export type MergeSide = { id: string; version: number; title: string; href: string; createdAt: string };
/**
 * One field of both records. `field`: a field the user may take from either (the
 * API's `fromDuplicate`); otherwise `rule` says what the merge does with it (lists
 * combined, the stricter consent…).
 */
export type MergeRow = { label: string; a: string; b: string; field?: string; rule?: string };

/** Codes as people read them on a merge: tags, provinces and owners by name. */
export function vocabularyNames(
  t: Translate,
  lang: Language,
  {
    tags,
    provinces,
    assignableOwners,
  }: { tags: readonly TagFieldsFragment[]; provinces: readonly ProvinceFieldsFragment[]; assignableOwners: readonly { id: string; name: string }[] },
) {
  return {
    tagName: (slug: string) => {
      const tag = tags.find((candidate) => candidate.slug === slug);
      return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
    },
    provinceName: (code: string) => {
      const province = provinces.find((candidate) => candidate.code === code);
      return province ? localizedName(lang, province) : code;
    },
    ownerName: (id: string | null | undefined) => (id ? (assignableOwners.find((owner) => owner.id === id)?.name ?? t('records.owner.other')) : ''),
  };
}

/** The record to keep by default: the more complete one (more fields filled), else the older one. */
export function defaultSurvivor(a: MergeSide, b: MergeSide, rows: readonly MergeRow[]): MergeSide {
  const filled = (side: 'a' | 'b') => rows.filter((row) => row[side] !== '').length;
  if (filled('a') !== filled('b')) return filled('a') > filled('b') ? a : b;
  return a.createdAt <= b.createdAt ? a : b;
}

/** Where a choosable row's value comes from: the side picked, else the kept record's unless it has none. */
function sourceOf(row: MergeRow, picked: 'a' | 'b' | undefined, kept: 'a' | 'b'): 'a' | 'b' {
  if (picked) return picked;
  const other = kept === 'a' ? 'b' : 'a';
  return row[kept] === '' && row[other] !== '' ? other : kept;
}

/**
 * Two records side by side, differences highlighted: the user picks the record to
 * keep, then, for each field that differs, which value it keeps (a radio per
 * field); the confirmation says exactly what will happen before anything does.
 */
export function MergeView({
  a,
  b,
  rows,
  rules,
  error,
}: {
  a: MergeSide;
  b: MergeSide;
  rows: MergeRow[];
  /** What the merge does besides the chosen values (lists combined, what moves), for the confirmation. */
  rules: string[];
  error?: string | null;
}) {
  const t = useT();
  const [survivor, setSurvivor] = useState(() => defaultSurvivor(a, b, rows).id);
  const [picks, setPicks] = useState<Record<string, 'a' | 'b'>>({});
  const [opened, { open, close }] = useDisclosure(false);
  const keptSide = survivor === a.id ? 'a' : 'b';
  const kept = keptSide === 'a' ? a : b;
  const folded = keptSide === 'a' ? b : a;
  const foldedSide = keptSide === 'a' ? 'b' : 'a';
  const choosable = rows.filter((row) => row.field && row.a !== row.b);
  const fromDuplicate = choosable.filter((row) => sourceOf(row, picks[row.field!], keptSide) === foldedSide);
  const keepSurvivor = (id: string) => {
    setSurvivor(id);
    // A new record to keep starts again from its own values.
    setPicks({});
  };
  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" variant="light" data-testid="merge-error">
          {error}
        </Alert>
      ) : null}
      <Card withBorder padding={0} style={{ overflowX: 'auto' }}>
        {/* On a phone each field's name takes a line above both values (app.css): both records stay in view. */}
        <Table verticalSpacing="sm" horizontalSpacing="md" className="merge-compare" data-testid="merge-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="20%">{t('merge.field')}</Table.Th>
              {[a, b].map((side) => (
                <Table.Th key={side.id} w="40%">
                  <Stack gap={4}>
                    <Anchor component={Link} to={side.href} fw={700}>
                      {side.title}
                    </Anchor>
                    <Radio
                      name="survivorChoice"
                      value={side.id}
                      checked={survivor === side.id}
                      onChange={() => keepSurvivor(side.id)}
                      label={t('merge.keep')}
                      data-testid={`keep-${side.id}`}
                    />
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const differs = row.a !== row.b;
              const pickable = Boolean(row.field) && differs;
              const source = row.field ? sourceOf(row, picks[row.field], keptSide) : keptSide;
              return (
                <Table.Tr key={row.label} bg={differs ? 'yellow.0' : undefined} data-differs={differs ? 'true' : 'false'} data-field={row.field}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {row.label}
                    </Text>
                    {differs ? (
                      <Text size="xs" c="var(--crm-color-note)">
                        {row.rule ?? t('merge.differs')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {(['a', 'b'] as const).map((side) => (
                    <Table.Td key={side} fw={differs && source === side && !row.rule ? 600 : undefined}>
                      {pickable && row[side] !== '' ? (
                        <Radio
                          name={`pick-${row.field}`}
                          value={side}
                          checked={source === side}
                          onChange={() => setPicks((current) => ({ ...current, [row.field!]: side }))}
                          label={<span style={{ whiteSpace: 'pre-wrap' }}>{row[side]}</span>}
                          aria-label={`${row.label}: ${row[side]}`}
                          data-testid={`pick-${row.field}-${side}`}
                        />
                      ) : (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {row[side] || '—'}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Card>
      <Group justify="flex-end">
        <Button color="orange" onClick={open} data-testid="merge">
          {t('merge.confirm')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('merge.title')} centered size="lg">
        <Stack gap="md" data-testid="merge-summary">
          <Text size="sm" data-testid="merge-survivor-sentence">
            {t('merge.summary.keep', { kept: kept.title, folded: folded.title })}
          </Text>
          <Text size="sm">
            {fromDuplicate.length
              ? t('merge.summary.taken', { folded: folded.title, fields: fromDuplicate.map((row) => row.label).join(', ') })
              : t('merge.summary.nothingTaken', { kept: kept.title })}
          </Text>
          <List size="sm" spacing={4}>
            {rules.map((rule) => (
              <List.Item key={rule}>{rule}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={600}>
            {t('merge.confirm.body')}
          </Text>
          <ActionForm onSubmit={close}>
            <input type="hidden" name="survivorId" value={kept.id} />
            <input type="hidden" name="survivorVersion" value={kept.version} />
            <input type="hidden" name="duplicateId" value={folded.id} />
            <input type="hidden" name="duplicateVersion" value={folded.version} />
            {fromDuplicate.map((row) => (
              <input key={row.field} type="hidden" name="fromDuplicate" value={row.field} />
            ))}
            <Group justify="flex-end">
              <Button type="submit" color="orange" data-testid="confirm-merge">
                {t('merge.confirm')}
              </Button>
              <Button variant="subtle" onClick={close}>
                {t('form.cancel')}
              </Button>
            </Group>
          </ActionForm>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Before a merge: a search for the other record. */
export function MergePicker({ q, candidates }: { q: string; candidates: MergeCandidate[] }) {
  const t = useT();
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Form method="get" role="search">
          <Group align="flex-end" gap="sm">
            <TextInput
              name="q"
              type="search"
              label={t('merge.pick')}
              description={t('merge.pick.help')}
              defaultValue={q}
              w={{ base: '100%', sm: 380 }}
              data-testid="merge-search"
            />
            <Button type="submit" variant="default" data-testid="merge-search-submit">
              {t('search.submit')}
            </Button>
          </Group>
        </Form>
        {candidates.length ? (
          <Stack gap="xs">
            {candidates.map((candidate) => (
              <Group key={candidate.id} justify="space-between" data-testid="merge-candidate">
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {candidate.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {candidate.detail}
                  </Text>
                </Stack>
                <Button component={Link} to={candidate.href} size="xs" variant="light" data-testid="merge-pick">
                  {t('merge.choose')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : q.length >= 2 ? (
          <Text size="sm" c="dimmed">
            {t('search.noPeople')}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

type MergeCandidate = { id: string; title: string; detail: string; href: string };

/**
 * A merge page: back to the record, then the two records side by side (`compare`,
 * once the other is chosen) or the search for the other one.
 */
export function MergeScreen({
  back,
  compare,
  q,
  candidates,
  error,
}: {
  back: { to: string; label: ReactNode };
  compare: { a: MergeSide; b: MergeSide; rows: MergeRow[]; rules: string[] } | null;
  q: string;
  candidates: MergeCandidate[];
  error: string | null;
}) {
  const t = useT();
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader above={<BackLink to={back.to}>{back.label}</BackLink>} title={t('merge.title')} description={t('merge.intro')} />
      {compare ? (
        <MergeView a={compare.a} b={compare.b} rows={compare.rows} rules={compare.rules} error={error} />
      ) : (
        <MergePicker q={q} candidates={candidates} />
      )}
    </Stack>
  );
}
