import { CreateStoryDocument, StoryFormOptionsDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { RecordFormPage } from '../components/records/record-form-page';
import { StoryFormFields } from '../components/stories/story-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { showsOwnerField } from '../utils/records-forms';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { NewStoryForm, storyFormFields } from '../utils/stories';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'story.new.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'create', 'Story');
  const options = await gql(StoryFormOptionsDocument, {}, { request });
  // A coordinator gathers stories in their regions: offer only those provinces.
  const provinces = viewer.role === 'COORDINATOR' ? options.provinces.filter((p) => viewer.provinceCodes.includes(p.code)) : options.provinces;
  return { ...options, provinces, viewerId: viewer.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Story');
  const submission = parseForm(formData, NewStoryForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  // "No one" chosen as gatherer is said, not left to the API's default (the caller).
  const input = formData.get(showsOwnerField) === '1' ? { ...submission.value, ownerId: submission.value.ownerId ?? null } : submission.value;
  let id: string;
  try {
    ({
      createStory: { id },
    } = await gql(CreateStoryDocument, { input }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: storyFormFields }) };
  }
  throw safeRedirect(`/stories/${id}?created=1`);
}

export default function NewStory() {
  const t = useT();
  const { campaigns, provinces, assignableOwners, viewerId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(NewStoryForm, {
    id: 'new-story',
    lastResult: answer?.result,
    defaultValue: {
      campaignId: campaigns.find((campaign) => campaign.isDefault)?.id ?? campaigns[0]?.id ?? '',
      language: 'en',
      provinceCode: provinces.length === 1 ? provinces[0].code : '',
      ownerId: viewerId,
      consentDate: new Date().toISOString().slice(0, 10),
    },
  });
  return (
    <RecordFormPage title={t('story.new.title')} back={{ to: '/stories', label: t('stories.back') }} form={form} testId="story-form" saveTestId="save-story">
      <StoryFormFields fields={fields} campaigns={campaigns} provinces={provinces} owners={{ options: assignableOwners }} locked={[]} />
    </RecordFormPage>
  );
}
