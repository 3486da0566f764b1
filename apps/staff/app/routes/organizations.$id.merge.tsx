import { MergeRecordsInput } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import { MergeOrganizationsDocument, OrganizationDocument, OrganizationsToMergeDocument, SearchDirectoryDocument, type OrganizationFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Stack } from '@mantine/core';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { PageHeader } from '../components/page-header';
import { MergePicker, MergeView, type MergeRow } from '../components/records/merge-view';
import { assertCsrf } from '../utils/csrf.server';
import { apiFormErrors } from '../utils/form-errors.server';
import { isPlainMessageKey } from '../utils/field-messages';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { kindKey, membershipKey, organizationName } from '../utils/records';
import { orNotFound } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'merge.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'merge', 'Organization');
  const id = params.id ?? '';
  const search = new URL(request.url).searchParams;
  const otherId = search.get('with');
  if (otherId && otherId !== id) {
    const pair = await orNotFound(() => gql(OrganizationsToMergeDocument, { id, otherId }, { request }));
    return { mode: 'compare' as const, ...pair, q: '', candidates: [] };
  }
  const { organization } = await orNotFound(() => gql(OrganizationDocument, { id }, { request }));
  const q = (search.get('q') ?? organization.nameEn).trim().slice(0, 100);
  const found = q.length >= 2 ? (await gql(SearchDirectoryDocument, { text: q, first: 20 }, { request })).searchDirectory.organizations : [];
  return { mode: 'pick' as const, organization, other: null, q, candidates: found.filter((candidate) => candidate.id !== id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'merge', 'Organization');
  const input = MergeRecordsInput.safeParse({
    survivorId: formData.get('survivorId'),
    survivorVersion: Number(formData.get('survivorVersion')),
    duplicateId: formData.get('duplicateId'),
    duplicateVersion: Number(formData.get('duplicateVersion')),
  });
  if (!input.success || (input.data.survivorId !== params.id && input.data.duplicateId !== params.id)) return { error: 'validation.invalid' as PlainMessageKey };
  try {
    await gql(MergeOrganizationsDocument, { input: input.data }, { request });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const [first] = apiFormErrors(error, [], { CONFLICT: 'records.conflict' }).formErrors;
    return { error: isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey) };
  }
  throw redirect(`/organizations/${input.data.survivorId}?merged=1`);
}

export default function MergeOrganizations() {
  const t = useT();
  const lang = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { organization } = data;
  const rowsFor = (a: OrganizationFieldsFragment, b: OrganizationFieldsFragment): MergeRow[] => {
    const row = (label: string, read: (o: OrganizationFieldsFragment) => string) => ({ label, a: read(a), b: read(b) });
    return [
      row(t('organization.nameEn'), (o) => o.nameEn),
      row(t('organization.nameFr'), (o) => o.nameFr),
      row(t('organization.kind'), (o) => t(kindKey(o.kind))),
      row(t('organization.membership'), (o) => t(membershipKey(o.membership))),
      row(t('organization.membershipSince'), (o) => o.membershipSince ?? ''),
      row(t('records.province'), (o) => o.provinceCode),
      row(t('records.city'), (o) => o.city ?? ''),
      row(t('organization.postalCode'), (o) => o.postalCode ?? ''),
      row(t('organization.email'), (o) => o.email ?? ''),
      row(t('organization.phone'), (o) => o.phone ?? ''),
      row(t('organization.website'), (o) => o.website ?? ''),
      row(t('records.tags'), (o) => o.tags.join(', ')),
      row(t('records.notes'), (o) => o.notes ?? ''),
    ];
  };

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={
          <Anchor component={Link} to={`/organizations/${organization.id}`} size="sm">
            ← {organizationName(lang, organization)}
          </Anchor>
        }
        title={t('merge.title')}
        description={t('merge.intro')}
      />
      {data.mode === 'compare' && data.other ? (
        <MergeView
          a={{ id: organization.id, version: organization.version, title: organizationName(lang, organization), href: `/organizations/${organization.id}` }}
          b={{ id: data.other.id, version: data.other.version, title: organizationName(lang, data.other), href: `/organizations/${data.other.id}` }}
          rows={rowsFor(organization, data.other)}
          error={answer?.error ? t(answer.error) : null}
        />
      ) : (
        <MergePicker
          q={data.q}
          candidates={data.candidates.map((candidate) => ({
            id: candidate.id,
            title: organizationName(lang, candidate),
            detail: [t(kindKey(candidate.kind)), candidate.city, candidate.provinceCode].filter(Boolean).join(' · '),
            href: `/organizations/${organization.id}/merge?with=${candidate.id}`,
          }))}
        />
      )}
    </Stack>
  );
}
