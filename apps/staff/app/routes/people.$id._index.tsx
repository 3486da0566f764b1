import { EmailLink, PhoneLink } from '../components/contact-links';
import { subject } from '@crm/authz';
import { localizedName } from '@crm/i18n';
import { ArchivePersonDocument, PersonDocument, PersonEngagementDocument, RestorePersonDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data as withHeaders } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { EngagementPanel } from '../components/outreach/engagement-panel';
import { PageHeader } from '../components/page-header';
import { PledgesSection } from '../components/pledges/pledges-section';
import { ArchivedBadge, StageBadge } from '../components/records/record-badges';
import { ArchivedAlert, DetailsCard, Fact, LongFact, RecordActions, RecordOutcome, RecordWithTimeline, TagBadges } from '../components/records/record-page';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { leaderKey, organizationName, ownerLabel, personName, tagLabels } from '../utils/records';
import { newPledgeHref } from '../utils/pledges';
import { pledgesOf } from '../utils/pledges.server';
import { archiveOrRestore, withOwners, withTimelinePage } from '../utils/records.server';
import { useAbility, useViewer } from '../utils/root-data';
import { keepsViewed, rememberViewed } from '../utils/recently-viewed.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'people.title', data ? () => personName(data.person) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Person');
  // Owners' names (for "Owner"); null for those who may not list them. The ladder and contacts beside (null if they fail).
  const [page, engagement, pledges] = await Promise.all([
    withOwners(
      request,
      viewer,
      withTimelinePage(request, (timelineAfter) => gql(PersonDocument, { id: params.id ?? '', timelineAfter }, { request })),
    ),
    gql(PersonEngagementDocument, { id: params.id ?? '' }, { request }).catch(() => null),
    pledgesOf(request, viewer, { personId: params.id ?? '' }),
  ]);
  // Remembered for the home's "recently viewed" (ids only, in a signed cookie).
  const headers = keepsViewed(viewer.role) ? { 'Set-Cookie': await rememberViewed(request, viewer.id, { kind: 'person', id: page.person.id }) } : undefined;
  return withHeaders({ ...page, engagement, pledges }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return archiveOrRestore(request, params.id, 'Person', {
    archive: (input) => gql(ArchivePersonDocument, { input }, { request }),
    restore: (input) => gql(RestorePersonDocument, { input }, { request }),
  });
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
  const { person, provinces, tags, timeline, timelineAfter, owners, engagement, pledges } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = personName(person);
  const record = subject('Person', {
    provinceCode: person.provinceCode,
    ownerId: person.ownerId,
    createdById: person.createdById,
  });
  const province = provinces.find((entry) => entry.code === person.provinceCode);
  const tagLabel = tagLabels(lang, tags);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/people">{t('people.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="person-name">{name}</span>
            <StageBadge stage={person.engagementStage} />
            {person.archivedAt ? <ArchivedBadge /> : null}
          </Group>
        }
        description={[person.city, province ? localizedName(lang, province) : person.provinceCode].filter(Boolean).join(', ')}
        actions={
          <RecordActions
            record={record}
            path={`/people/${person.id}`}
            name={name}
            version={person.version}
            archived={Boolean(person.archivedAt)}
            merged={Boolean(person.mergedIntoId)}
            editTestId="edit-person"
            mergeTestId="merge-person"
          />
        }
      />

      <RecordOutcome answer={answer} />
      {person.doNotContact ? (
        <Alert color="red" variant="filled" data-testid="do-not-contact">
          {t('person.doNotContact.banner')}
        </Alert>
      ) : null}
      <ArchivedAlert archivedAt={person.archivedAt} mergedIntoHref={person.mergedIntoId ? `/people/${person.mergedIntoId}` : null} />

      <RecordWithTimeline timeline={timeline} timelineAfter={timelineAfter}>
        <DetailsCard
          below={
            <>
              {person.notes ? (
                <LongFact label={t('records.notes')} style={{ whiteSpace: 'pre-wrap' }} data-testid="person-notes">
                  {person.notes}
                </LongFact>
              ) : null}
            </>
          }
        >
          <Fact label={t('person.emails')}>
            {person.emails.length
              ? person.emails.map((email) => (
                  <Text key={email} size="sm">
                    <EmailLink email={email} />
                  </Text>
                ))
              : dash}
          </Fact>
          <Fact label={t('person.phones')}>
            {person.phones.length
              ? person.phones.map((phone) => (
                  <Text key={phone} size="sm">
                    <PhoneLink phone={phone} data-testid="person-phone" />
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
            <Text size="sm">{t(person.preferredLanguage === 'fr' ? 'languageName.fr' : 'languageName.en')}</Text>
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
          <Fact label={t('records.tags')}>{person.tags.length ? <TagBadges tags={person.tags} tagLabel={tagLabel} testId="person-tag" /> : dash}</Fact>
          <Fact label={t('records.updated')}>
            <Text size="sm">
              <DateTime value={person.updatedAt} />
            </Text>
          </Fact>
        </DetailsCard>

        {engagement ? (
          <EngagementPanel
            data={engagement}
            personId={person.id}
            canLog={!person.archivedAt && ability.can('create', subject('Outreach', { provinceCode: person.provinceCode }))}
          />
        ) : null}

        {pledges ? (
          <PledgesSection
            pledges={pledges.nodes}
            totalCount={pledges.totalCount ?? pledges.nodes.length}
            newHref={
              !person.archivedAt && ability.can('create', subject('Pledge', { provinceCode: person.provinceCode }))
                ? newPledgeHref({ personId: person.id })
                : null
            }
            listHref={`/pledges?person=${person.id}`}
          />
        ) : null}

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
      </RecordWithTimeline>
    </Stack>
  );
}
