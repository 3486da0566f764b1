import { subject } from '@crm/authz';
import { RecordVersionInput } from '@crm/contracts';
import { formatDateTime, localizedName, translate, type PlainMessageKey } from '@crm/i18n';
import { ArchivePersonDocument, PersonDocument, RestorePersonDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { ArchiveControl } from '../components/records/archive-control';
import { ArchivedBadge, StageBadge } from '../components/records/record-badges';
import { RecordTimeline } from '../components/records/timeline';
import { assertCsrf } from '../utils/csrf.server';
import { apiFormErrors } from '../utils/form-errors.server';
import { isPlainMessageKey } from '../utils/field-messages';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { languageFromMatches } from '../utils/meta';
import { leaderKey, organizationName, ownerLabel, personName } from '../utils/records';
import { withTimelinePage } from '../utils/records.server';
import { useAbility, useViewer } from '../utils/root-data';
import { ownerOptions } from '../utils/owners.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  return [{ title: translate(lang, 'app.pageTitle', { page: data ? personName(data.person) : translate(lang, 'people.title') }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  const [data, owners] = await Promise.all([
    withTimelinePage(request, (timelineAfter) => gql(PersonDocument, { id: params.id ?? '', timelineAfter }, { request })),
    // Owners' names (for "Owner"); null for those who may not list them.
    ownerOptions(request, viewer),
  ]);
  return { ...data, owners };
}

// Archive and restore, at the version the page was read at.
export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'archive', 'Person');
  const intent = formData.get('intent');
  const input = RecordVersionInput.safeParse({ id: params.id, version: Number(formData.get('version')) });
  if (!input.success || (intent !== 'archive' && intent !== 'restore')) return { done: null, error: 'validation.invalid' as PlainMessageKey };
  try {
    if (intent === 'archive') await gql(ArchivePersonDocument, { input: input.data }, { request });
    else await gql(RestorePersonDocument, { input: input.data }, { request });
    return { done: intent, error: null };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const [first] = apiFormErrors(error, [], { CONFLICT: 'records.conflict' }).formErrors;
    return { done: null, error: isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey) };
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function YesNo({ value, label }: { value: boolean; label: string }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Badge size="sm" variant="light" color={value ? 'teal' : 'gray'} miw={44}>
        {t(value ? 'records.yes' : 'records.no')}
      </Badge>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

export default function PersonPage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { person, provinces, tags, timeline, timelineAfter, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const name = personName(person);
  const record = subject('Person', { provinceCode: person.provinceCode, ownerId: person.ownerId, createdById: person.createdById });
  const province = provinces.find((entry) => entry.code === person.provinceCode);
  const tagLabel = (slug: string) => {
    const tag = tags.find((entry) => entry.slug === slug);
    return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
  };
  const notice = searchParams.get('saved') ? 'records.saved' : searchParams.get('created') ? 'records.created' : searchParams.get('merged') ? 'merge.done' : null;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={
          <Anchor component={Link} to="/people" size="sm">
            ← {t('people.back')}
          </Anchor>
        }
        title={
          <Group gap="sm" component="span">
            <span data-testid="person-name">{name}</span>
            <StageBadge stage={person.engagementStage} />
            {person.archivedAt ? <ArchivedBadge /> : null}
          </Group>
        }
        description={[person.city, province ? localizedName(lang, province) : person.provinceCode].filter(Boolean).join(', ')}
        actions={
          <>
            {ability.can('update', record) && !person.mergedIntoId ? (
              <Button component={Link} to={`/people/${person.id}/edit`} data-testid="edit-person">
                {t('records.edit')}
              </Button>
            ) : null}
            {ability.can('merge', record) && !person.archivedAt ? (
              <Button component={Link} to={`/people/${person.id}/merge`} variant="default" data-testid="merge-person">
                {t('records.merge')}
              </Button>
            ) : null}
            {ability.can('archive', record) && !person.mergedIntoId ? <ArchiveControl name={name} archived={Boolean(person.archivedAt)} version={person.version} /> : null}
          </>
        }
      />

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
      {person.doNotContact ? (
        <Alert color="red" variant="filled" data-testid="do-not-contact">
          {t('person.doNotContact.banner')}
        </Alert>
      ) : null}
      {person.archivedAt ? (
        <Alert color="gray" variant="light">
          {t('records.archivedOn', { date: formatDateTime(lang, person.archivedAt, { part: 'date' }) })}{' '}
          {person.mergedIntoId ? (
            <Anchor component={Link} to={`/people/${person.mergedIntoId}`}>
              {t('records.mergedInto.link')}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
              <Title order={2} size="h4" id="details-title" mb="md">
                {t('records.details')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
                <Fact label={t('person.emails')}>
                  {person.emails.length
                    ? person.emails.map((email) => (
                        <Text key={email} size="sm">
                          <Anchor href={`mailto:${email}`}>{email}</Anchor>
                        </Text>
                      ))
                    : dash}
                </Fact>
                <Fact label={t('person.phones')}>
                  {person.phones.length
                    ? person.phones.map((phone) => (
                        <Text key={phone} size="sm">
                          {phone}
                        </Text>
                      ))
                    : dash}
                </Fact>
                <Fact label={t('person.leaderCategory')}>
                  <Text size="sm" data-testid="leader-category">
                    {person.leaderCategory ? t(leaderKey(person.leaderCategory)) : '—'}
                  </Text>
                </Fact>
                <Fact label={t('person.preferredLanguage')}>
                  <Text size="sm">{t(person.preferredLanguage === 'fr' ? 'language.fr' : 'language.en')}</Text>
                </Fact>
                <Fact label={t('records.city')}>
                  <Text size="sm" data-testid="person-city">
                    {person.city ?? '—'}
                  </Text>
                </Fact>
                <Fact label={t('records.owner')}>
                  <Text size="sm" data-testid="record-owner">
                    {ownerLabel(t, person.ownerId, viewer?.id, owners)}
                  </Text>
                </Fact>
                <Fact label={t('person.consent')}>
                  <Stack gap={4}>
                    <YesNo value={person.consentEmail} label={t('person.consentEmail')} />
                    <YesNo value={person.consentPhone} label={t('person.consentPhone')} />
                  </Stack>
                </Fact>
                {/* Sensitive: the API sends it only to ADMIN, STAFF and the owner. */}
                {person.livedExperience !== null ? (
                  <Fact label={t('person.livedExperience')}>
                    <Text size="sm" data-testid="lived-experience">
                      {t(person.livedExperience ? 'records.yes' : 'records.no')}
                    </Text>
                  </Fact>
                ) : null}
                <Fact label={t('records.tags')}>
                  {person.tags.length ? (
                    <Group gap={4}>
                      {person.tags.map((tag) => (
                        <Badge key={tag} variant="light" color="indigo" data-testid="person-tag">
                          {tagLabel(tag)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    dash
                  )}
                </Fact>
                <Fact label={t('records.updated')}>
                  <Text size="sm">
                    <DateTime value={person.updatedAt} />
                  </Text>
                </Fact>
              </SimpleGrid>
              {person.engagementReason ? (
                <Stack gap={2} mt="md">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t('person.stage')}
                  </Text>
                  <Text size="sm" data-testid="engagement-reason">
                    {person.engagementReason}
                  </Text>
                </Stack>
              ) : null}
              {person.notes ? (
                <Stack gap={2} mt="md">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t('records.notes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="person-notes">
                    {person.notes}
                  </Text>
                </Stack>
              ) : null}
            </Card>

            <Card withBorder padding="lg" component="section" aria-labelledby="affiliations-title">
              <Title order={2} size="h4" id="affiliations-title" mb="md">
                {t('person.affiliations')}
              </Title>
              {person.affiliations.length ? (
                <Stack gap="xs" data-testid="affiliations">
                  {person.affiliations.map((affiliation) => (
                    <Group key={affiliation.organization.id} gap="xs">
                      <Anchor component={Link} to={`/organizations/${affiliation.organization.id}`} size="sm" fw={600}>
                        {organizationName(lang, affiliation.organization)}
                      </Anchor>
                      {affiliation.title ? (
                        <Text size="sm" c="dimmed">
                          {affiliation.title}
                        </Text>
                      ) : null}
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('person.affiliations.empty')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <RecordTimeline entries={timeline.nodes} pageInfo={timeline.pageInfo} paged={Boolean(timelineAfter)} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
