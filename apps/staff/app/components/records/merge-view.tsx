import { Alert, Anchor, Button, Card, Group, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Form, Link } from '@remix-run/react';
import { useState } from 'react';
import { ActionForm } from '../action-form';
import type { ReactNode } from 'react';
import { useT } from '../../utils/i18n';
import { BackLink } from '../back-link';
import { PageHeader } from '../page-header';

export type MergeSide = { id: string; version: number; title: string; href: string };
export type MergeRow = { label: string; a: string; b: string };

/** Two records side by side, differences highlighted; the user picks the one to keep. */
export function MergeView({ a, b, rows, error }: { a: MergeSide; b: MergeSide; rows: MergeRow[]; error?: string | null }) {
  const t = useT();
  const [survivor, setSurvivor] = useState(a.id);
  const [opened, { open, close }] = useDisclosure(false);
  const kept = survivor === a.id ? a : b;
  const folded = survivor === a.id ? b : a;
  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" variant="light" data-testid="merge-error">
          {error}
        </Alert>
      ) : null}
      <Card withBorder padding={0}>
        <Radio.Group value={survivor} onChange={setSurvivor} name="survivorChoice">
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="merge-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="20%">{t('merge.field')}</Table.Th>
                {[a, b].map((side) => (
                  <Table.Th key={side.id} w="40%">
                    <Stack gap={4}>
                      <Anchor component={Link} to={side.href} fw={700}>
                        {side.title}
                      </Anchor>
                      <Radio value={side.id} label={t('merge.keep')} data-testid={`keep-${side.id}`} />
                    </Stack>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const differs = row.a !== row.b;
                return (
                  <Table.Tr key={row.label} bg={differs ? 'yellow.0' : undefined} data-differs={differs ? 'true' : 'false'}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.label}
                      </Text>
                      {differs ? (
                        <Text size="xs" c="orange.8">
                          {t('merge.differs')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {[row.a, row.b].map((value, index) => (
                      <Table.Td key={index} fw={differs && (index === 0 ? a : b).id === survivor ? 600 : undefined}>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {value || '—'}
                        </Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Radio.Group>
      </Card>
      <Group justify="flex-end">
        <Button color="orange" onClick={open} data-testid="merge">
          {t('merge.confirm')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('merge.title')} centered>
        <Stack gap="md">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('merge.survivor')}
            </Text>
            <Text size="sm" fw={700} data-testid="merge-survivor">
              {kept.title}
            </Text>
          </Stack>
          <Text size="sm">{t('merge.confirm.body')}</Text>
          <ActionForm onSubmit={close}>
            <input type="hidden" name="survivorId" value={kept.id} />
            <input type="hidden" name="survivorVersion" value={kept.version} />
            <input type="hidden" name="duplicateId" value={folded.id} />
            <input type="hidden" name="duplicateVersion" value={folded.version} />
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
  compare: { a: MergeSide; b: MergeSide; rows: MergeRow[] } | null;
  q: string;
  candidates: MergeCandidate[];
  error: string | null;
}) {
  const t = useT();
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader above={<BackLink to={back.to}>{back.label}</BackLink>} title={t('merge.title')} description={t('merge.intro')} />
      {compare ? <MergeView a={compare.a} b={compare.b} rows={compare.rows} error={error} /> : <MergePicker q={q} candidates={candidates} />}
    </Stack>
  );
}
