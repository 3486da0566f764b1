import { permittedFields } from '@crm/authz';
import { StoryDocument, StoryFormOptionsDocument, UpdateStoryDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { RecordFormPage } from '../components/records/record-form-page';
import { StoryFormFields } from '../components/stories/story-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { completeUpdate, ownerTextFields } from '../utils/records-forms';
import { orNotFound } from '../utils/records.server';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { StoryForm, storyFormFields, storyRecord, storyTextFields } from '../utils/stories';
import { useAppForm } from '../utils/use-app-form';
import { abilityFor } from '../utils/viewer';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'stories.title', data ? () => data.story.title ?? '' : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'update', 'Story');
  const [{ story }, options] = await Promise.all([
    orNotFound(() => gql(StoryDocument, { id: params.id ?? '' }, { request })),
    gql(StoryFormOptionsDocument, {}, { request }),
  ]);
  // Only drafts are edited; others go back to their page (which says so).
  if (story.status !== 'draft' || story.withdrawn) throw safeRedirect(`/stories/${story.id}`);
  // The fields the shared ability does not let this user change on this story are not shown.
  const changeable = new Set(permittedFields(abilityFor(viewer), 'update', 'Story', storyFormFields, storyRecord(story)));
  return { story, ...options, locked: storyFormFields.filter((field) => !changeable.has(field)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const viewer = await requireUserWithPermission(request, 'update', 'Story');
  const submission = parseForm(formData, StoryForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  const { story } = await orNotFound(() => gql(StoryDocument, { id: params.id ?? '' }, { request }));
  const changeable = new Set<string>(permittedFields(abilityFor(viewer), 'update', 'Story', storyFormFields, storyRecord(story)));
  const text = ownerTextFields(formData, storyTextFields).filter((field) => changeable.has(field));
  const complete = completeUpdate({ ...submission.value, id: params.id ?? submission.value.id }, { text });
  // Fields the form did not show are not sent (the API would refuse them whatever their value).
  const input = Object.fromEntries(
    Object.entries(complete).filter(([field]) => field === 'id' || field === 'version' || changeable.has(field)),
  ) as typeof complete;
  try {
    await gql(UpdateStoryDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: storyFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw safeRedirect(`/stories/${params.id}?saved=1`);
}

export default function EditStory() {
  const t = useT();
  const { story, campaigns, provinces, assignableOwners, locked } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const title = story.title ?? '';
  const [form, fields] = useAppForm(StoryForm, {
    id: `edit-story-${story.id}-${story.version}`,
    lastResult: answer?.result,
    defaultValue: {
      id: story.id,
      version: story.version,
      campaignId: story.campaignId,
      kind: story.kind,
      language: story.language,
      title,
      text: story.text ?? '',
      provinceCode: story.provinceCode,
      storytellerName: story.storytellerName ?? '',
      ownerId: story.ownerId ?? '',
      consentLevel: story.consentLevel,
      consentDate: story.consentDate,
      consentMethod: story.consentMethod,
      consentNote: story.consentNote ?? '',
    },
  });
  return (
    <RecordFormPage
      title={t('story.edit.title', { title })}
      back={{ to: `/stories/${story.id}`, label: title }}
      form={form}
      testId="story-form"
      saveTestId="save-story"
      conflict={answer?.conflict}
      hidden={
        <>
          {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
          <input type="hidden" name="id" value={story.id} />
          <input type="hidden" name="version" value={story.version} />
        </>
      }
    >
      <StoryFormFields
        fields={fields}
        campaigns={campaigns}
        provinces={provinces}
        owners={locked.includes('ownerId') ? null : { options: assignableOwners, currentOwnerId: story.ownerId }}
        locked={locked}
      />
    </RecordFormPage>
  );
}
