import {
  MergeOrganizationsDocument,
  OrganizationDocument,
  OrganizationsToMergeDocument,
  SearchDirectoryDocument,
  type OrganizationFieldsFragment,
} from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MergeScreen, type MergeRow } from '../components/records/merge-view';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { kindKey, membershipKey, organizationName } from '../utils/records';
import { loadMergeChoice, mergeRecords } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'merge.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'merge', 'Organization');
  const id = params.id ?? '';
  return loadMergeChoice(request, id, {
    pair: async (otherId) => {
      const { organization, other } = await gql(OrganizationsToMergeDocument, { id, otherId }, { request });
      return { record: organization, other };
    },
    record: async () => (await gql(OrganizationDocument, { id, withPeople: false }, { request })).organization,
    name: (organization) => organization.nameEn,
    search: async (text) => (await gql(SearchDirectoryDocument, { text, first: 20 }, { request })).searchDirectory.organizations,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  return mergeRecords(
    request,
    params.id,
    'Organization',
    (input) => gql(MergeOrganizationsDocument, { input }, { request }),
    (survivorId) => `/organizations/${survivorId}`,
  );
}

export default function MergeOrganizations() {
  const t = useT();
  const lang = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const organization = data.record;
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
    <MergeScreen
      back={{ to: `/organizations/${organization.id}`, label: organizationName(lang, organization) }}
      compare={
        data.mode === 'compare' && data.other
          ? {
              a: { id: organization.id, version: organization.version, title: organizationName(lang, organization), href: `/organizations/${organization.id}` },
              b: { id: data.other.id, version: data.other.version, title: organizationName(lang, data.other), href: `/organizations/${data.other.id}` },
              rows: rowsFor(organization, data.other),
            }
          : null
      }
      q={data.q}
      candidates={data.candidates.map((candidate) => ({
        id: candidate.id,
        title: organizationName(lang, candidate),
        detail: [t(kindKey(candidate.kind)), candidate.city, candidate.provinceCode].filter(Boolean).join(' · '),
        href: `/organizations/${organization.id}/merge?with=${candidate.id}`,
      }))}
      error={answer?.error ? t(answer.error) : null}
    />
  );
}
