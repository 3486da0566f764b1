import { EmailLink, PhoneLink } from '../components/contact-links';
import { subject } from '@crm/authz';
import { localizedName } from '@crm/i18n';
import { ArchiveOrganizationDocument, OrganizationDocument, RestoreOrganizationDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data as withHeaders } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { PledgesSection } from '../components/pledges/pledges-section';
import { ArchivedBadge, StageBadge } from '../components/records/record-badges';
import { ArchivedAlert, DetailsCard, Fact, LongFact, RecordActions, RecordOutcome, RecordWithTimeline, TagBadges } from '../components/records/record-page';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { kindKey, membershipKey, organizationName, ownerLabel, personName, tagLabels } from '../utils/records';
import { newPledgeHref } from '../utils/pledges';
import { pledgesOf } from '../utils/pledges.server';
import { archiveOrRestore, withOwners, withTimelinePage } from '../utils/records.server';
import { useAbility, useViewer } from '../utils/root-data';
import { abilityFor } from '../utils/viewer';
import { keepsViewed, rememberViewed } from '../utils/recently-viewed.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'organizations.title', data ? (lang) => organizationName(lang, data.organization) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Organization');
  const [page, pledges] = await Promise.all([
    withOwners(
      request,
      viewer,
      // Ask only for what the viewer may read (a member contact reads no people): the shared ability decides.
      withTimelinePage(request, (timelineAfter) =>
        gql(OrganizationDocument, { id: params.id ?? '', timelineAfter, withPeople: abilityFor(viewer).can('read', 'Person') }, { request }),
      ),
    ),
    pledgesOf(request, viewer, { organizationId: params.id ?? '' }),
  ]);
  // Remembered for the home's "recently viewed" (ids only, in a signed cookie).
  const headers = keepsViewed(viewer.role)
    ? { 'Set-Cookie': await rememberViewed(request, viewer.id, { kind: 'organization', id: page.organization.id }) }
    : undefined;
  return withHeaders({ ...page, pledges }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return archiveOrRestore(request, params.id, 'Organization', {
    archive: (input) => gql(ArchiveOrganizationDocument, { input }, { request }),
    restore: (input) => gql(RestoreOrganizationDocument, { input }, { request }),
  });
}

export default function OrganizationPage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { organization, provinces, tags, timeline, timelineAfter, owners, pledges } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = organizationName(lang, organization);
  const record = subject('Organization', {
    id: organization.id,
    provinceCode: organization.provinceCode,
    ownerId: organization.ownerId,
    createdById: organization.createdById,
  });
  const province = provinces.find((entry) => entry.code === organization.provinceCode);
  const tagLabel = tagLabels(lang, tags);
  const text = (value: string | null) => <Text size="sm">{value || '—'}</Text>;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/organizations">{t('organizations.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="organization-name">{name}</span>
            <Badge variant="light">{t(membershipKey(organization.membership))}</Badge>
            {organization.archivedAt ? <ArchivedBadge /> : null}
          </Group>
        }
        description={[t(kindKey(organization.kind)), organization.city, province ? localizedName(lang, province) : organization.provinceCode]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <RecordActions
            record={record}
            path={`/organizations/${organization.id}`}
            name={name}
            version={organization.version}
            archived={Boolean(organization.archivedAt)}
            merged={Boolean(organization.mergedIntoId)}
            editTestId="edit-organization"
            mergeTestId="merge-organization"
          />
        }
      />

      <RecordOutcome answer={answer} />
      <ArchivedAlert archivedAt={organization.archivedAt} mergedIntoHref={organization.mergedIntoId ? `/organizations/${organization.mergedIntoId}` : null} />

      <RecordWithTimeline timeline={timeline} timelineAfter={timelineAfter}>
        <DetailsCard
          below={
            organization.notes ? (
              <LongFact label={t('records.notes')} style={{ whiteSpace: 'pre-wrap' }}>
                {organization.notes}
              </LongFact>
            ) : null
          }
        >
          <Fact label={t('organization.nameEn')}>{text(organization.nameEn)}</Fact>
          <Fact label={t('organization.nameFr')}>{text(organization.nameFr)}</Fact>
          <Fact label={t('organization.membershipSince')}>{text(organization.membershipSince)}</Fact>
          <Fact label={t('organization.postalCode')}>{text(organization.postalCode)}</Fact>
          <Fact label={t('organization.email')}>{organization.email ? <EmailLink size="sm" email={organization.email} /> : text(null)}</Fact>
          <Fact label={t('organization.phone')}>
            {organization.phone ? <PhoneLink size="sm" phone={organization.phone} data-testid="organization-phone" /> : text(null)}
          </Fact>
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
          <Fact label={t('records.tags')}>{organization.tags.length ? <TagBadges tags={organization.tags} tagLabel={tagLabel} /> : text(null)}</Fact>
          <Fact label={t('records.updated')}>
            <Text size="sm">
              <DateTime value={organization.updatedAt} />
            </Text>
          </Fact>
        </DetailsCard>

        {ability.can('read', 'Person') ? (
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
            {organization.people?.length ? (
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
        ) : null}
        {pledges ? (
          <PledgesSection
            pledges={pledges.nodes}
            totalCount={pledges.totalCount ?? pledges.nodes.length}
            newHref={
              !organization.archivedAt && ability.can('create', subject('Pledge', { provinceCode: organization.provinceCode, organizationId: organization.id }))
                ? newPledgeHref({ organizationId: organization.id })
                : null
            }
            listHref={`/pledges?organization=${organization.id}`}
          />
        ) : null}
      </RecordWithTimeline>
    </Stack>
  );
}
