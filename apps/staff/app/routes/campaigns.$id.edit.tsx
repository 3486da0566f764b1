import { localizedName } from '@crm/i18n';
import { CampaignPageDocument, UpdateCampaignDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CampaignFormFields } from '../components/campaigns/campaign-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { CampaignForm, campaignFormFields, campaignTextFields, goalCells, goalsFromCells } from '../utils/campaigns';
import { withGoalCells } from '../utils/campaigns.server';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { completeUpdate } from '../utils/records-forms';
import { orNotFound } from '../utils/records.server';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'campaigns.title', data ? (lang) => localizedName(lang, data.campaign) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'update', 'Campaign');
  return orNotFound(() => gql(CampaignPageDocument, { id: params.id ?? '' }, { request }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Campaign');
  const submission = parseForm(formData, CampaignForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  const { goals: cells, version, ...fields } = submission.value;
  const { goals, cellOf } = goalsFromCells(cells);
  // Every field is on the form: an empty description or date clears it; the lists replace the campaign's.
  const input = completeUpdate({ ...fields, id: params.id ?? '', version: version ?? 0, goals }, { text: campaignTextFields, lists: ['policyAsks'] });
  try {
    await gql(UpdateCampaignDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, withGoalCells(error, cellOf), { fields: campaignFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw safeRedirect(`/campaigns/${params.id}?saved=1`);
}

export default function EditCampaign() {
  const t = useT();
  const lang = useLanguage();
  const { campaign, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = localizedName(lang, campaign);
  const [form, fields] = useAppForm(CampaignForm, {
    id: `edit-campaign-${campaign.id}-${campaign.version}`,
    lastResult: answer?.result,
    defaultValue: {
      id: campaign.id,
      version: campaign.version,
      nameEn: campaign.nameEn,
      nameFr: campaign.nameFr,
      descriptionEn: campaign.descriptionEn ?? '',
      descriptionFr: campaign.descriptionFr ?? '',
      startsOn: campaign.startsOn ?? '',
      endsOn: campaign.endsOn ?? '',
      status: campaign.status,
      policyAsks: [...campaign.policyAsks].sort((a, b) => a.position - b.position).map((ask) => ({ id: ask.id, titleEn: ask.titleEn, titleFr: ask.titleFr })),
      goals: goalCells(
        regions.map((region) => region.id),
        campaign.goals,
      ),
    },
  });
  return (
    <RecordFormPage
      title={t('campaign.edit.title', { name })}
      back={{ to: `/campaigns/${campaign.id}`, label: name }}
      form={form}
      testId="campaign-form"
      saveTestId="save-campaign"
      conflict={answer?.conflict}
      maw={1100}
      hidden={
        <>
          {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
          <input type="hidden" name={fields.id.name} value={campaign.id} />
          <input type="hidden" name={fields.version.name} value={campaign.version} />
        </>
      }
    >
      <CampaignFormFields form={form} fields={fields} regions={regions} />
    </RecordFormPage>
  );
}
