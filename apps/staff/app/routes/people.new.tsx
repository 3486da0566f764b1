import { CreatePersonDocument, OrganizationNameDocument, PersonDuplicatesDocument, PersonFormOptionsDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { PersonFormFields } from '../components/records/person-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { organizationName, personName } from '../utils/records';
import { duplicatesConfirmed } from '../utils/duplicates';
import { DuplicateWarning, type LikelyDuplicate } from '../components/records/duplicate-warning';
import { pageTitle } from '../utils/meta';
import { NewPersonForm, personFormFields, showsOwnerField } from '../utils/records-forms';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'people.new.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'create', 'Person');
  const options = await gql(PersonFormOptionsDocument, {}, { request });
  // A coordinator adds people in their regions: offer only those provinces.
  const provinces = viewer.role === 'COORDINATOR' ? options.provinces.filter((p) => viewer.provinceCodes.includes(p.code)) : options.provinces;
  // "Add a person" from an organization's page starts with that affiliation.
  const organizationId = new URL(request.url).searchParams.get('organizationId');
  const organization = organizationId ? await organizationNamed(request, organizationId) : null;
  return {
    ...options,
    provinces,
    organization,
    // A coordinator looks after the people they add, unless they choose someone else.
    defaultOwnerId: viewer.role === 'COORDINATOR' ? viewer.id : '',
    showLivedExperience: viewer.role === 'ADMIN' || viewer.role === 'STAFF' || viewer.role === 'COORDINATOR',
  };
}

// An organization the user can see, or null (an old or foreign link just starts empty).
async function organizationNamed(request: Request, id: string) {
  try {
    return (await gql(OrganizationNameDocument, { id }, { request })).organization;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) return null;
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Person');
  const submission = parseForm(formData, NewPersonForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  // "No owner" chosen in the select is said, not left to the API's default.
  const input = formData.get(showsOwnerField) === '1' ? { ...submission.value, ownerId: submission.value.ownerId ?? null } : submission.value;
  if (!duplicatesConfirmed(formData)) {
    const { firstName, lastName, emails, provinceCode, city } = input;
    const { personDuplicates } = await gql(PersonDuplicatesDocument, { input: { firstName, lastName, emails, provinceCode, city } }, { request });
    // Nothing saved yet: the form comes back as typed, with the people it may be.
    if (personDuplicates.length) return { result: submission.reply(), duplicates: personDuplicates.map(personDuplicate) };
  }
  let id: string;
  try {
    ({
      createPerson: { id },
    } = await gql(CreatePersonDocument, { input }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: personFormFields }) };
  }
  throw safeRedirect(`/people/${id}?created=1`);
}

function personDuplicate(person: {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  provinceCode: string;
  city?: string | null;
}): LikelyDuplicate {
  return {
    id: person.id,
    name: personName(person),
    detail: [person.city, person.provinceCode, person.emails[0]].filter(Boolean).join(' · '),
    href: `/people/${person.id}`,
  };
}

export default function NewPerson() {
  const t = useT();
  const lang = useLanguage();
  const { provinces, tags, showLivedExperience, assignableOwners, organization, defaultOwnerId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(NewPersonForm, {
    id: 'new-person',
    lastResult: answer?.result,
    defaultValue: {
      preferredLanguage: 'en',
      provinceCode: provinces.length === 1 ? provinces[0].code : '',
      ownerId: defaultOwnerId,
      affiliations: organization ? [{ organizationId: organization.id, title: '' }] : [],
    },
  });
  const affiliationNames = organization ? { [organization.id]: organizationName(lang, organization) } : {};

  return (
    <RecordFormPage
      title={t('people.new.title')}
      back={{ to: '/people', label: t('people.back') }}
      form={form}
      testId="person-form"
      saveTestId="save-person"
      notice={answer && 'duplicates' in answer && answer.duplicates ? <DuplicateWarning duplicates={answer.duplicates} /> : null}
    >
      <PersonFormFields
        fields={fields}
        values={{ emails: [], phones: [], consentEmail: false, consentPhone: false, doNotContact: false, livedExperience: false }}
        provinces={provinces}
        tags={tags}
        showLivedExperience={showLivedExperience}
        affiliations={{ form, field: fields.affiliations, names: affiliationNames }}
        owners={{ options: assignableOwners }}
        short
      />
    </RecordFormPage>
  );
}
