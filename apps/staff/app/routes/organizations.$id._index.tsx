import { subject } from '@crm/authz';
import { RecordVersionInput } from '@crm/contracts';
import { formatDateTime, localizedName, translate, type PlainMessageKey } from '@crm/i18n';
import { ArchiveOrganizationDocument, OrganizationDocument, RestoreOrganizationDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
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
import { kindKey, membershipKey, organizationName, ownerLabel, personName } from '../utils/records';
import { withTimelinePage } from '../utils/records.server';
import { useAbility, useViewer } from '../utils/root-data';
import { ownerOptions } from '../utils/owners.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  return [{ title: translate(lang, 'app.pageTitle', { page: data ? organizationName(lang, data.organization) : translate(lang, 'organizations.title') }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Organization');
  const [data, owners] = await Promise.all([
    withTimelinePage(request, (timelineAfter) => gql(OrganizationDocument, { id: params.id ?? '', timelineAfter }, { request })),
    // Owners' names (for "Owner"); null for those who may not list them.
    ownerOptions(request, viewer),
  ]);
  return { ...data, owners };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'archive', 'Organization');
  const intent = formData.get('intent');
  const input = RecordVersionInput.safeParse({ id: params.id, version: Number(formData.get('version')) });
  if (!input.success || (intent !== 'archive' && intent !== 'restore')) return { done: null, error: 'validation.invalid' as PlainMessageKey };
  try {
    if (intent === 'archive') await gql(ArchiveOrganizationDocument, { input: input.data }, { request });
    else await gql(RestoreOrganizationDocument, { input: input.data }, { request });
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

export default function OrganizationPage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { organization, provinces, tags, timeline, timelineAfter, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const name = organizationName(lang, organization);
  const record = subject('Organization', { id: organization.id, provinceCode: organization.provinceCode, ownerId: organization.ownerId, createdById: organization.createdById });
  const province = provinces.find((entry) => entry.code === organization.provinceCode);
  const tagLabel = (slug: string) => {
    const tag = tags.find((entry) => entry.slug === slug);
    return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
  };
  const notice = searchParams.get('saved') ? 'records.saved' : searchParams.get('created') ? 'records.created' : searchParams.get('merged') ? 'merge.done' : null;
  const text = (value: string | null) => <Text size="sm">{value || '—'}</Text>;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={
          <Anchor component={Link} to="/organizations" size="sm">
            ← {t('organizations.back')}
          </Anchor>
        }
        title={
          <Group gap="sm" component="span">
            <span data-testid="organization-name">{name}</span>
            <Badge variant="light">{t(membershipKey(organization.membership))}</Badge>
            {organization.archivedAt ? <ArchivedBadge /> : null}
          </Group>
        }
        description={[t(kindKey(organization.kind)), organization.city, province ? localizedName(lang, province) : organization.provinceCode].filter(Boolean).join(' · ')}
        actions={
          <>
            {ability.can('update', record) && !organization.mergedIntoId ? (
              <Button component={Link} to={`/organizations/${organization.id}/edit`} data-testid="edit-organization">
                {t('records.edit')}
              </Button>
            ) : null}
            {ability.can('merge', record) && !organization.archivedAt ? (
              <Button component={Link} to={`/organizations/${organization.id}/merge`} variant="default" data-testid="merge-organization">
                {t('records.merge')}
              </Button>
            ) : null}
            {ability.can('archive', record) && !organization.mergedIntoId ? (
              <ArchiveControl name={name} archived={Boolean(organization.archivedAt)} version={organization.version} />
            ) : null}
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
      {organization.archivedAt ? (
        <Alert color="gray" variant="light">
          {t('records.archivedOn', { date: formatDateTime(lang, organization.archivedAt, { part: 'date' }) })}{' '}
          {organization.mergedIntoId ? (
            <Anchor component={Link} to={`/organizations/${organization.mergedIntoId}`}>
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
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Fact label={t('organization.nameEn')}>{text(organization.nameEn)}</Fact>
                <Fact label={t('organization.nameFr')}>{text(organization.nameFr)}</Fact>
                <Fact label={t('organization.membershipSince')}>{text(organization.membershipSince)}</Fact>
                <Fact label={t('organization.postalCode')}>{text(organization.postalCode)}</Fact>
                <Fact label={t('organization.email')}>
                  {organization.email ? (
                    <Anchor size="sm" href={`mailto:${organization.email}`}>
                      {organization.email}
                    </Anchor>
                  ) : (
                    text(null)
                  )}
                </Fact>
                <Fact label={t('organization.phone')}>{text(organization.phone)}</Fact>
                <Fact label={t('organization.website')}>
                  {organization.website ? (
                    <Anchor size="sm" href={organization.website} target="_blank" rel="noreferrer noopener">
                      {organization.website}
                    </Anchor>
                  ) : (
                    text(null)
                  )}
                </Fact>
                <Fact label={t('records.owner')}>
                  <Text size="sm" data-testid="record-owner">
                    {ownerLabel(t, organization.ownerId, viewer?.id, owners)}
                  </Text>
                </Fact>
                <Fact label={t('records.tags')}>
                  {organization.tags.length ? (
                    <Group gap={4}>
                      {organization.tags.map((tag) => (
                        <Badge key={tag} variant="light" color="indigo">
                          {tagLabel(tag)}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    text(null)
                  )}
                </Fact>
                <Fact label={t('records.updated')}>
                  <Text size="sm">
                    <DateTime value={organization.updatedAt} />
                  </Text>
                </Fact>
              </SimpleGrid>
              {organization.notes ? (
                <Stack gap={2} mt="md">
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t('records.notes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {organization.notes}
                  </Text>
                </Stack>
              ) : null}
            </Card>

            <Card withBorder padding={0} component="section" aria-labelledby="people-title">
              <Group justify="space-between" p="lg" pb="sm">
                <Title order={2} size="h4" id="people-title">
                  {t('organization.people')}
                </Title>
                {ability.can('create', 'Person') && !organization.archivedAt ? (
                  <Anchor component={Link} to={`/people/new?${new URLSearchParams({ organizationId: organization.id })}`} size="sm" data-testid="add-person-here">
                    {t('people.new')}
                  </Anchor>
                ) : null}
              </Group>
              {organization.people.length ? (
                <Table verticalSpacing="xs" horizontalSpacing="lg" data-testid="organization-people">
                  <Table.Tbody>
                    {organization.people.map((person) => (
                      <Table.Tr key={person.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={600}>
                            {personName(person)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {person.affiliations.find((affiliation) => affiliation.organization.id === organization.id)?.title ?? ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <StageBadge stage={person.engagementStage} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed" px="lg" pb="lg">
                  {t('organization.people.empty')}
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
