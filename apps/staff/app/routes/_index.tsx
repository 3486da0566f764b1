import { DashboardDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Grid, Stack, Title } from '@mantine/core';
import { ApiHealthPanel } from '../components/api-health-panel';
import { CampaignPanel } from '../components/campaign-panel';
import { fetchApiHealth } from '../utils/api-health.server';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUser } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard.title');

async function loadCampaign(request: Request) {
  try {
    const { defaultCampaign } = await gql(DashboardDocument, {}, { request });
    return { campaign: defaultCampaign, unreachable: false };
  } catch (error) {
    // The page still renders; the panel says what is missing.
    if (!(error instanceof ApiError)) throw error;
    console.error(`dashboard: default campaign not loaded (${error.code}): ${error.message}`);
    return { campaign: null, unreachable: error.code === 'API_UNREACHABLE' };
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const [campaign, health] = await Promise.all([loadCampaign(request), fetchApiHealth(request)]);
  return { ...campaign, health };
}

export default function Dashboard() {
  const t = useT();
  const { campaign, unreachable, health } = useLoaderData<typeof loader>();

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <CampaignPanel campaign={campaign} unreachable={unreachable} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ApiHealthPanel health={health} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
