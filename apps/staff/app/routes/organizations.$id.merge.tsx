import {
  MergeOrganizationsDocument,
  OrganizationDocument,
  OrganizationsToMergeDocument,
  PersonFormOptionsDocument,
  SearchDirectoryDocument,
  type OrganizationFieldsFragment,
} from '@crm/staff-graphql';
import { formatPhone } from '@crm/contracts';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MergeScreen, vocabularyNames, type MergeRow } from '../components/records/merge-view';
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
  // Tags, provinces and owners by their names, not their codes.
  const [options, choice] = await Promise.all([
    gql(PersonFormOptionsDocument, {}, { request }),
    loadMergeChoice(request, id, {
      pair: async (otherId) => {
        const { organization, other } = await gql(OrganizationsToMergeDocument, { id, otherId }, { request });
        return { record: organization, other };
      },
      record: async () => (await gql(OrganizationDocument, { id, withPeople: false }, { request })).organization,
      name: (organization) => organization.nameEn,
      search: async (text) => (await gql(SearchDirectoryDocument, { text, first: 20 }, { request })).searchDirectory.organizations,
    }),
  ]);
  return { ...choice, options };
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
  const { tagName, provinceName, ownerName } = vocabularyNames(t, lang, data.options);
  const rowsFor = (a: OrganizationFieldsFragment, b: OrganizationFieldsFragment): MergeRow[] => {
    // `field`: the user picks whose value is kept (the API's fromDuplicate); `rule`: what the merge does.
    const row = (label: string, read: (o: OrganizationFieldsFragment) => string, how: { field?: string; rule?: string } = {}) => ({
      label,
      a: read(a),
      b: read(b),
      ...how,
    });
    return [
      row(t('organization.nameEn'), (o) => o.nameEn, { field: 'nameEn' }),
      row(t('organization.nameFr'), (o) => o.nameFr, { field: 'nameFr' }),
      row(t('organization.kind'), (o) => t(kindKey(o.kind)), { field: 'kind' }),
      row(t('organization.membership'), (o) => t(membershipKey(o.membership)), { field: 'membership' }),
      row(t('organization.membershipSince'), (o) => o.membershipSince ?? '', { field: 'membershipSince' }),
      row(t('records.province'), (o) => provinceName(o.provinceCode), { field: 'provinceCode' }),
      row(t('records.city'), (o) => o.city ?? '', { field: 'city' }),
      row(t('organization.postalCode'), (o) => o.postalCode ?? '', { field: 'postalCode' }),
      row(t('organization.email'), (o) => o.email ?? '', { field: 'email' }),
      row(t('organization.phone'), (o) => (o.phone ? formatPhone(o.phone) : ''), { field: 'phone' }),
      row(t('organization.website'), (o) => o.website ?? '', { field: 'website' }),
      row(t('records.owner'), (o) => ownerName(o.ownerId), { field: 'ownerId' }),
      row(t('records.tags'), (o) => o.tags.map(tagName).join(', '), { rule: t('merge.rule.combined') }),
      row(t('records.notes'), (o) => o.notes ?? '', { rule: t('merge.rule.notes') }),
    ];
  };
  const rules = [t('merge.rules.lists'), t('merge.rules.notes'), t('merge.rules.organizationMoves')];

  return (
    <MergeScreen
      back={{ to: `/organizations/${organization.id}`, label: organizationName(lang, organization) }}
      compare={
        data.mode === 'compare' && data.other
          ? {
              a: {
                id: organization.id,
                version: organization.version,
                title: organizationName(lang, organization),
                href: `/organizations/${organization.id}`,
                createdAt: organization.createdAt,
              },
              b: {
                id: data.other.id,
                version: data.other.version,
                title: organizationName(lang, data.other),
                href: `/organizations/${data.other.id}`,
                createdAt: data.other.createdAt,
              },
              rows: rowsFor(organization, data.other),
              rules,
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
