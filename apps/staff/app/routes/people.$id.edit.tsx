import { formatPhone } from '@crm/contracts';
import { PersonDocument, UpdatePersonDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { PersonFormFields } from '../components/records/person-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { organizationName, personName } from '../utils/records';
import { completeUpdate, ownerTextFields, PersonForm, personCheckboxes, personFormFields, personLists, personTextFields } from '../utils/records-forms';
import { orNotFound, withOwners } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'people.title', data ? () => personName(data.person) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'update', 'Person');
  return withOwners(
    request,
    viewer,
    orNotFound(() => gql(PersonDocument, { id: params.id ?? '' }, { request })),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Person');
  const submission = parseForm(formData, PersonForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  // Lived experience is sent only when the form showed it (the API hides it from others).
  const checkboxes = formData.get('showsLivedExperience') === '1' ? [...personCheckboxes, 'livedExperience'] : personCheckboxes;
  const input = completeUpdate(
    { ...submission.value, id: params.id ?? submission.value.id },
    { text: ownerTextFields(formData, personTextFields), checkboxes, lists: personLists },
  );
  try {
    await gql(UpdatePersonDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: personFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw safeRedirect(`/people/${params.id}?saved=1`);
}

export default function EditPerson() {
  const t = useT();
  const lang = useLanguage();
  const { person, provinces, tags, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = personName(person);
  const [form, fields] = useAppForm(PersonForm, {
    id: `edit-person-${person.id}-${person.version}`,
    lastResult: answer?.result,
    defaultValue: {
      id: person.id,
      version: person.version,
      firstName: person.firstName,
      lastName: person.lastName,
      preferredLanguage: person.preferredLanguage,
      emails: person.emails,
      phones: person.phones.map(formatPhone),
      leaderCategory: person.leaderCategory ?? '',
      provinceCode: person.provinceCode,
      city: person.city ?? '',
      tags: person.tags,
      notes: person.notes ?? '',
      ownerId: person.ownerId ?? '',
      affiliations: person.affiliations.map((affiliation) => ({ organizationId: affiliation.organization.id, title: affiliation.title ?? '' })),
    },
  });
  const affiliationNames = Object.fromEntries(person.affiliations.map((a) => [a.organization.id, organizationName(lang, a.organization)]));
  const showLivedExperience = person.livedExperience !== null;

  return (
    <RecordFormPage
      title={t('person.edit.title', { name })}
      back={{ to: `/people/${person.id}`, label: name }}
      form={form}
      testId="person-form"
      saveTestId="save-person"
      conflict={answer?.conflict}
      hidden={
        <>
          {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
          <input type="hidden" name={fields.id.name} value={person.id} />
          <input type="hidden" name={fields.version.name} value={person.version} />
          {showLivedExperience ? <input type="hidden" name="showsLivedExperience" value="1" /> : null}
        </>
      }
    >
      <PersonFormFields
        fields={fields}
        values={person}
        provinces={provinces}
        tags={tags}
        showLivedExperience={showLivedExperience}
        affiliations={{ form, field: fields.affiliations, names: affiliationNames }}
        owners={owners ? { options: owners, currentOwnerId: person.ownerId } : null}
      />
    </RecordFormPage>
  );
}
