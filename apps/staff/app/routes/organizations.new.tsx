import { CreateOrganizationDocument, OrganizationDuplicatesDocument, PersonFormOptionsDocument } from '@crm/staff-graphql';
import { DuplicateWarning } from '../components/records/duplicate-warning';
import { duplicatesConfirmed } from '../utils/duplicates';
import { organizationName } from '../utils/records';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OrganizationFormFields } from '../components/records/organization-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { NewOrganizationForm, organizationFormFields } from '../utils/records-forms';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'organizations.new.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'create', 'Organization');
  return gql(PersonFormOptionsDocument, {}, { request });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Organization');
  const submission = parseForm(formData, NewOrganizationForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  if (!duplicatesConfirmed(formData)) {
    const { nameEn, nameFr, email, provinceCode, city } = submission.value;
    const { organizationDuplicates } = await gql(OrganizationDuplicatesDocument, { input: { nameEn, nameFr, email, provinceCode, city } }, { request });
    // Nothing saved yet: the form comes back as typed, with the organizations it may be.
    if (organizationDuplicates.length) return { result: submission.reply(), duplicates: organizationDuplicates };
  }
  let id: string;
  try {
    ({
      createOrganization: { id },
    } = await gql(CreateOrganizationDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: organizationFormFields }) };
  }
  throw safeRedirect(`/organizations/${id}?created=1`);
}

export default function NewOrganization() {
  const t = useT();
  const lang = useLanguage();
  const { provinces, tags, assignableOwners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(NewOrganizationForm, { id: 'new-organization', lastResult: answer?.result, defaultValue: { membership: 'ally' } });

  return (
    <RecordFormPage
      title={t('organizations.new.title')}
      back={{ to: '/organizations', label: t('organizations.back') }}
      form={form}
      testId="organization-form"
      saveTestId="save-organization"
      notice={
        answer && 'duplicates' in answer && answer.duplicates ? (
          <DuplicateWarning
            duplicates={answer.duplicates.map((organization) => ({
              id: organization.id,
              name: organizationName(lang, organization),
              detail: [organization.city, organization.provinceCode, organization.email].filter(Boolean).join(' · '),
              href: `/organizations/${organization.id}`,
            }))}
          />
        ) : null
      }
    >
      <OrganizationFormFields fields={fields} provinces={provinces} tags={tags} owners={{ options: assignableOwners }} />
    </RecordFormPage>
  );
}
