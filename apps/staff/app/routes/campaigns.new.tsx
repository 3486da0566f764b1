import { CampaignFormOptionsDocument, CreateCampaignDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CampaignFormFields } from '../components/campaigns/campaign-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { CampaignForm, campaignFormFields, goalCells, goalsFromCells } from '../utils/campaigns';
import { withGoalCells } from '../utils/campaigns.server';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'campaign.new.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'create', 'Campaign');
  return gql(CampaignFormOptionsDocument, {}, { request });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Campaign');
  const submission = parseForm(formData, CampaignForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  const { id: _id, version: _version, goals: cells, ...fields } = submission.value;
  const { goals, cellOf } = goalsFromCells(cells);
  let id: string;
  try {
    ({
      createCampaign: { id },
    } = await gql(CreateCampaignDocument, { input: { ...fields, goals } }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, withGoalCells(error, cellOf), { fields: campaignFormFields }) };
  }
  throw safeRedirect(`/campaigns/${id}?created=1`);
}

export default function NewCampaign() {
  const t = useT();
  const { regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(CampaignForm, {
    id: 'new-campaign',
    lastResult: answer?.result,
    defaultValue: { status: 'draft', policyAsks: [], goals: goalCells(regions.map((region) => region.id)) },
  });
  return (
    <RecordFormPage
      title={t('campaign.new.title')}
      back={{ to: '/campaigns', label: t('campaigns.back') }}
      form={form}
      testId="campaign-form"
      saveTestId="save-campaign"
      maw={1100}
    >
      <CampaignFormFields form={form} fields={fields} regions={regions} />
    </RecordFormPage>
  );
}
