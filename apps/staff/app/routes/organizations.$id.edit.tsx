import { OrganizationDocument, UpdateOrganizationDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { OrganizationFormFields } from '../components/records/organization-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { organizationName } from '../utils/records';
import {
  completeUpdate,
  lockedOrganizationFields,
  OrganizationForm,
  organizationFormFields,
  organizationTextFields,
  ownerTextFields,
  withoutLocked,
} from '../utils/records-forms';
import { orNotFound, withOwners } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';
import { abilityFor } from '../utils/viewer';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'organizations.title', data ? (lang) => organizationName(lang, data.organization) : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'update', 'Organization');
  const data = await withOwners(
    request,
    viewer,
    orNotFound(() => gql(OrganizationDocument, { id: params.id ?? '', withPeople: false }, { request })),
  );
  return { ...data, locked: lockedOrganizationFields(abilityFor(viewer), data.organization) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const viewer = await requireUserWithPermission(request, 'update', 'Organization');
  const submission = parseForm(formData, OrganizationForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  const id = params.id ?? submission.value.id;
  const complete = completeUpdate({ ...submission.value, id }, { text: ownerTextFields(formData, organizationTextFields), lists: ['tags'] });
  const input = withoutLocked(complete, lockedOrganizationFields(abilityFor(viewer), { id }));
  try {
    await gql(UpdateOrganizationDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: organizationFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw safeRedirect(`/organizations/${params.id}?saved=1`);
}

export default function EditOrganization() {
  const t = useT();
  const lang = useLanguage();
  const { organization, provinces, tags, owners, locked } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = organizationName(lang, organization);
  const [form, fields] = useAppForm(OrganizationForm, {
    id: `edit-organization-${organization.id}-${organization.version}`,
    lastResult: answer?.result,
    defaultValue: {
      nameEn: organization.nameEn,
      nameFr: organization.nameFr,
      kind: organization.kind,
      membership: organization.membership,
      membershipSince: organization.membershipSince ?? '',
      provinceCode: organization.provinceCode,
      city: organization.city ?? '',
      postalCode: organization.postalCode ?? '',
      email: organization.email ?? '',
      phone: organization.phone ?? '',
      website: organization.website ?? '',
      tags: organization.tags,
      notes: organization.notes ?? '',
      ownerId: organization.ownerId ?? '',
    },
  });

  return (
    <RecordFormPage
      title={t('organization.edit.title', { name })}
      back={{ to: `/organizations/${organization.id}`, label: name }}
      form={form}
      testId="organization-form"
      saveTestId="save-organization"
      conflict={answer?.conflict}
      hidden={
        <>
          <input type="hidden" name={fields.id.name} value={organization.id} />
          <input type="hidden" name={fields.version.name} value={organization.version} />
        </>
      }
    >
      <OrganizationFormFields
        fields={fields}
        provinces={provinces}
        tags={tags}
        owners={owners ? { options: owners, currentOwnerId: organization.ownerId } : null}
        locked={new Set(locked)}
      />
    </RecordFormPage>
  );
}
