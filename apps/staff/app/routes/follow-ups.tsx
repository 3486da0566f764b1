import { MyFollowUpsDocument } from '@crm/staff-graphql';
import { Button, Stack, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { FollowUpOutcome, FollowUpSections } from '../components/outreach/follow-ups';
import { PageHeader } from '../components/page-header';
import { followUpAction } from '../utils/follow-ups.server';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'followUps.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'read', 'Outreach');
  const { myFollowUps } = await gql(MyFollowUpsDocument, {}, { request });
  return myFollowUps;
}

export const action = ({ request }: ActionFunctionArgs) => followUpAction(request);

export default function FollowUps() {
  const t = useT();
  const { today, nodes } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        title={t('followUps.title')}
        actions={
          <Button component={Link} to="/outreach/log" data-testid="log-contact">
            {t('nav.logContact')}
          </Button>
        }
      />
      <FollowUpOutcome answer={answer} />
      {nodes.length === 0 ? <Text data-testid="follow-ups-none">{t('followUps.none')}</Text> : null}
      <FollowUpSections nodes={nodes} today={today} testId="follow-ups" />
    </Stack>
  );
}
