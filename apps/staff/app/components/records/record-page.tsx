import type { AppSubject } from '@crm/authz';
import { formatDateTime, type PlainMessageKey } from '@crm/i18n';
import type { TimelineFieldsFragment } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title, type TextProps } from '@mantine/core';
import { Link, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../utils/i18n';
import { useAbility } from '../../utils/root-data';
import { ArchiveControl } from './archive-control';
import { RecordTimeline } from './timeline';

// The pieces a person's and an organization's page share; each page keeps its own facts.

/** A record page's header actions: edit, merge, archive or restore, each when allowed and when the record's state permits. */
export function RecordActions({
  record,
  path,
  name,
  version,
  archived,
  merged,
  editTestId,
  mergeTestId,
}: {
  /** The record as the ability checks it (`subject('Person', …)`). */
  record: AppSubject;
  /** The record's page: `/people/:id`. */
  path: string;
  name: string;
  version: number;
  archived: boolean;
  /** Merged into another record: nothing more to edit or archive here. */
  merged: boolean;
  editTestId: string;
  mergeTestId: string;
}) {
  const t = useT();
  const ability = useAbility();
  return (
    <>
      {ability.can('update', record) && !merged ? (
        <Button component={Link} to={`${path}/edit`} data-testid={editTestId}>
          {t('records.edit')}
        </Button>
      ) : null}
      {ability.can('merge', record) && !archived ? (
        <Button component={Link} to={`${path}/merge`} variant="default" data-testid={mergeTestId}>
          {t('records.merge')}
        </Button>
      ) : null}
      {ability.can('archive', record) && !merged ? <ArchiveControl name={name} archived={archived} version={version} /> : null}
    </>
  );
}

/**
 * What just happened to the record: "saved", "created" or "merged" from the URL the
 * form sent us to, or the archive/restore action's refusal (which replaces it).
 */
export function RecordOutcome({ answer }: { answer: { error: PlainMessageKey | null } | undefined }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get('saved')
    ? 'records.saved'
    : searchParams.get('created')
      ? 'records.created'
      : searchParams.get('merged')
        ? 'merge.done'
        : null;
  return (
    <>
      {notice && !answer ? (
        <Alert color="teal" variant="light" data-testid="record-notice">
          {t(notice)}
        </Alert>
      ) : null}
      {answer?.error ? (
        <Alert color="red" variant="light" data-testid="record-error">
          {t(answer.error)}
        </Alert>
      ) : null}
    </>
  );
}

/** "Archived on …", with a link to the record it was merged into, if any. */
export function ArchivedAlert({ archivedAt, mergedIntoHref }: { archivedAt: string | null; mergedIntoHref: string | null }) {
  const t = useT();
  const lang = useLanguage();
  if (!archivedAt) return null;
  return (
    <Alert color="gray" variant="light">
      {t('records.archivedOn', { date: formatDateTime(lang, archivedAt, { part: 'date' }) })}{' '}
      {mergedIntoHref ? (
        <Anchor component={Link} to={mergedIntoHref}>
          {t('records.mergedInto.link')}
        </Anchor>
      ) : null}
    </Alert>
  );
}

/** The record's own cards on the left, its timeline (paged back with `?timelineAfter=`) on the right. */
export function RecordWithTimeline({
  timeline,
  timelineAfter,
  children,
}: {
  timeline: { nodes: TimelineFieldsFragment[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
  timelineAfter: string | null;
  children: ReactNode;
}) {
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">{children}</Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <RecordTimeline entries={timeline.nodes} pageInfo={timeline.pageInfo} paged={Boolean(timelineAfter)} />
      </Grid.Col>
    </Grid>
  );
}

/** The "Details" card: facts two by two, then the longer texts (`below`) across the card. */
export function DetailsCard({ children, below }: { children: ReactNode; below?: ReactNode }) {
  const t = useT();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
      <Title order={2} size="h4" id="details-title" mb="md">
        {t('records.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {children}
      </SimpleGrid>
      {below}
    </Card>
  );
}

function FactLabel({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {children}
    </Text>
  );
}

/** One labelled fact in the details grid. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <FactLabel>{label}</FactLabel>
      <div>{children}</div>
    </Stack>
  );
}

/** A longer text (notes, the stage's reason) under the details grid. */
export function LongFact({ label, children, ...text }: { label: string; children: ReactNode } & TextProps) {
  return (
    <Stack gap={2} mt="md">
      <FactLabel>{label}</FactLabel>
      <Text size="sm" {...text}>
        {children}
      </Text>
    </Stack>
  );
}

/** A record's tags as badges, in the reader's language. */
export function TagBadges({ tags, tagLabel, testId }: { tags: readonly string[]; tagLabel: (slug: string) => string; testId?: string }) {
  return (
    <Group gap={4}>
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="indigo" data-testid={testId}>
          {tagLabel(tag)}
        </Badge>
      ))}
    </Group>
  );
}
