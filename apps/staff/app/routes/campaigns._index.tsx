import { formatDate, localizedName } from '@crm/i18n';
import { CampaignsDocument } from '@crm/staff-graphql';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PageHeader } from '../components/page-header';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaigns.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Campaign');
  return (await gql(CampaignsDocument, {}, { request })).campaigns;
}

export default function Campaigns() {
  const t = useT();
  const lang = useLanguage();
  const campaigns = useLoaderData<typeof loader>();
  const ability = useAbility();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title={t('campaigns.title')}
        actions={
          ability.can('create', 'Campaign') ? (
            <Button component={Link} to="/campaigns/new" data-testid="new-campaign">
              {t('campaign.new')}
            </Button>
          ) : null
        }
      />
      {campaigns.length === 0 ? <Text c="dimmed">{t('campaigns.empty')}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="campaigns">
        {campaigns.map((campaign) => (
          <Card key={campaign.id} withBorder padding="md" component="li">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={600} size="lg">
                {localizedName(lang, campaign)}
              </Anchor>
              <Group gap="xs">
                {campaign.isDefault ? <Badge variant="light">{t('campaign.default')}</Badge> : null}
                <Badge variant="outline" color={campaign.status === 'active' ? 'teal' : 'gray'}>
                  {t(`campaigns.status.${campaign.status}`)}
                </Badge>
              </Group>
            </Group>
            {campaign.startsOn || campaign.endsOn ? (
              <Text size="sm" c="dimmed" mt={4}>
                {[campaign.startsOn, campaign.endsOn].map((date) => (date ? formatDate(lang, date) : '…')).join(' – ')}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
