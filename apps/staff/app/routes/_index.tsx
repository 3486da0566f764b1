import { subject } from '@crm/authz';
import { DashboardDocument, HomeDocument, MyFollowUpsDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button, Grid, Group, Stack, Title } from '@mantine/core';
import { ApiHealthPanel } from '../components/api-health-panel';
import { CampaignPanel } from '../components/campaign-panel';
import { HomeFollowUps } from '../components/home/follow-ups-slot';
import { FiguresPanel, OrganizationsPanel, OwnOrganizationPanel, PeoplePanel } from '../components/home/home-panels';
import { HostedEventsPanel, OrganizationPledgesPanel, OrganizationRequestsPanel, RecentlyViewedPanel } from '../components/home/more-panels';
import { fetchApiHealth } from '../utils/api-health.server';
import { followUpAction } from '../utils/follow-ups.server';
import { ApiError, gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { useAbility, useViewer } from '../utils/root-data';
import { abilityFor, type Viewer } from '../utils/viewer';
import { inViewedOrder, keepsViewed, recentlyViewed, type Viewed } from '../utils/recently-viewed.server';
import { requireUser } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title');

async function loadCampaign(request: Request, withGoals: boolean) {
  try {
    const { defaultCampaign } = await gql(DashboardDocument, { withGoals }, { request });
    return { campaign: defaultCampaign, unreachable: false };
  } catch (error) {
    // The page still renders; the panel says what is missing.
    if (!(error instanceof ApiError)) throw error;
    console.error(`dashboard: default campaign not loaded (${error.code}): ${error.message}`);
    return { campaign: null, unreachable: error.code === 'API_UNREACHABLE' };
  }
}

const noOrganization = '00000000-0000-4000-8000-000000000000';

/**
 * What this viewer's home asks for, from the shared ability and the role: national
 * staff and funders the coalition's figures; whoever reads people the latest changes
 * (a coordinator's are their regions', scoped by the API) and, for a coordinator,
 * their own people; national staff the latest organizations; a member contact their
 * organization and what it hosts, pledged and asked for; those who keep one, what they
 * recently viewed (ids from a cookie, read back through the scoped lists).
 */
export function homeQuery(viewer: Viewer, viewed: readonly Viewed[] = [], now = new Date()) {
  const ability = abilityFor(viewer);
  const national = viewer.role === 'ADMIN' || viewer.role === 'STAFF';
  const member = viewer.role === 'MEMBER' && viewer.organizationId !== null;
  const viewedIds = viewed.map((item) => item.id);
  return {
    me: viewer.id,
    withFigures: (national || viewer.role === 'FUNDER') && ability.can('read', 'Report'),
    withPeople: ability.can('read', 'Person'),
    withMine: viewer.role === 'COORDINATOR' && ability.can('read', 'Person'),
    withOrganizations: national,
    withOwnOrganization: viewer.role === 'MEMBER' && viewer.organizationId !== null,
    organizationId: viewer.organizationId ?? noOrganization,
    withHosted: member && ability.can('read', 'Event'),
    withPledges: member && ability.can('read', 'Pledge'),
    withRequests: member && ability.can('read', 'ToolkitRequest'),
    now: now.toISOString(),
    withViewedPeople: viewed.some((item) => item.kind === 'person') && ability.can('read', 'Person'),
    withViewedOrganizations: viewed.some((item) => item.kind === 'organization') && ability.can('read', 'Organization'),
    viewedIds,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const keeps = keepsViewed(viewer.role);
  const viewed = keeps ? await recentlyViewed(request, viewer.id) : [];
  const query = homeQuery(viewer, viewed);
  // The health of the services is the administrator's concern only.
  const [campaign, home, health, followUps] = await Promise.all([
    // The campaign's goals go with the coalition's figures (national staff, funders).
    loadCampaign(request, query.withFigures),
    gql(HomeDocument, query, { request }),
    viewer.role === 'ADMIN' ? fetchApiHealth(request) : null,
    withFollowUps(viewer) ? gql(MyFollowUpsDocument, {}, { request }).then((data) => data.myFollowUps) : null,
  ]);
  const recent = keeps ? inViewedOrder(viewed, home.viewedPeople?.nodes ?? [], home.viewedOrganizations?.nodes ?? []) : null;
  return { ...campaign, home, health, followUps, recent };
}

// Those who record outreach have follow-ups: coordinators and national staff.
function withFollowUps(viewer: Viewer): boolean {
  return ['ADMIN', 'STAFF', 'COORDINATOR'].includes(viewer.role) && abilityFor(viewer).can('read', 'Outreach');
}

// "Mark done" and "Snooze" on the home's follow-ups.
export const action = ({ request }: ActionFunctionArgs) => followUpAction(request);

export default function Home() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const ability = useAbility();
  const { campaign, unreachable, health, home, followUps, recent } = useLoaderData<typeof loader>();
  const followUpAnswer = useActionData<typeof action>();
  const count = (value: number) => formatCount(lang, value);
  const coordinator = viewer?.role === 'COORDINATOR';

  return (
    <Stack gap="lg" maw={1200} data-testid="home" data-role={viewer?.role}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('dashboard.title')}
        </Title>
        {ability.can('create', 'Person') ? (
          <Button component={Link} to="/people/new" data-testid="home-quick-add">
            {t('home.quickAdd')}
          </Button>
        ) : null}
      </Group>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {home.ownOrganization ? (
              <OwnOrganizationPanel
                organization={home.ownOrganization}
                canEdit={ability.can('update', subject('Organization', { id: home.ownOrganization.id, provinceCode: home.ownOrganization.provinceCode }))}
              />
            ) : null}
            {home.hostedUpcoming && home.hostedPast ? (
              <HostedEventsPanel
                upcoming={home.hostedUpcoming}
                past={home.hostedPast.nodes}
                total={home.hostedAll?.totalCount ?? home.hostedUpcoming.nodes.length}
              />
            ) : null}
            {followUps ? <HomeFollowUps followUps={followUps} alwaysShown={coordinator} answer={followUpAnswer} /> : null}
            {home.myPeople ? (
              <PeoplePanel
                title={t('home.myPeople')}
                testId="home-my-people"
                people={home.myPeople.nodes}
                empty={t('home.myPeople.empty')}
                all={{ to: '/people?mine=1', label: t('home.myPeople.all', { count: count(home.myPeople.totalCount) }) }}
              />
            ) : null}
            {home.coalitionFigures ? <FiguresPanel figures={home.coalitionFigures} /> : null}
            {home.recentPeople && !coordinator ? (
              <PeoplePanel
                title={t('home.recent.people')}
                testId="home-recent-people"
                people={home.recentPeople.nodes}
                empty={t('home.recent.empty')}
                all={{ to: '/people?sort=UPDATED', label: t('home.recent.allPeople', { count: count(home.recentPeople.totalCount) }) }}
              />
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {home.organizationPledges && home.ownOrganization ? (
              <OrganizationPledgesPanel pledges={home.organizationPledges} organizationId={home.ownOrganization.id} />
            ) : null}
            {home.organizationRequests && home.ownOrganization ? (
              <OrganizationRequestsPanel requests={home.organizationRequests.nodes} organizationId={home.ownOrganization.id} />
            ) : null}
            {recent ? <RecentlyViewedPanel recent={recent} /> : null}
            {home.recentPeople && coordinator ? (
              <PeoplePanel
                title={t('home.recent.mine')}
                testId="home-recent-people"
                people={home.recentPeople.nodes}
                empty={t('home.recent.empty')}
                all={{ to: '/people?sort=UPDATED', label: t('home.recent.allPeople', { count: count(home.recentPeople.totalCount) }) }}
              />
            ) : null}
            {home.recentOrganizations ? (
              <OrganizationsPanel
                title={t('home.recent.organizations')}
                testId="home-recent-organizations"
                organizations={home.recentOrganizations.nodes}
                all={{ to: '/organizations?sort=UPDATED', label: t('home.recent.allOrganizations', { count: count(home.recentOrganizations.totalCount) }) }}
              />
            ) : null}
            <CampaignPanel campaign={campaign} unreachable={unreachable} />
            {health ? <ApiHealthPanel health={health} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
