import { formatPhone } from '@crm/contracts';
import {
  MergePeopleDocument,
  PeopleToMergeDocument,
  PersonDocument,
  PersonFormOptionsDocument,
  SearchDirectoryDocument,
  type PersonFieldsFragment,
} from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MergeScreen, vocabularyNames, type MergeRow } from '../components/records/merge-view';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { leaderKey, organizationName, personName, stageKey } from '../utils/records';
import { loadMergeChoice, mergeRecords } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'merge.title');

// `/people/:id/merge?q=` picks the duplicate; `?with=:otherId` shows both side by side.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'merge', 'Person');
  const id = params.id ?? '';
  // Tags, provinces and owners by their names, not their codes.
  const [options, choice] = await Promise.all([
    gql(PersonFormOptionsDocument, {}, { request }),
    loadMergeChoice(request, id, {
      pair: async (otherId) => {
        const { person, other } = await gql(PeopleToMergeDocument, { id, otherId }, { request });
        return { record: person, other };
      },
      record: async () => (await gql(PersonDocument, { id }, { request })).person,
      name: personName,
      search: async (text) => (await gql(SearchDirectoryDocument, { text, first: 20 }, { request })).searchDirectory.people,
    }),
  ]);
  return { ...choice, options };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return mergeRecords(
    request,
    params.id,
    'Person',
    (input) => gql(MergePeopleDocument, { input }, { request }),
    (survivorId) => `/people/${survivorId}`,
  );
}

export default function MergePeople() {
  const t = useT();
  const lang = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const person = data.record;
  const yesNo = (value: boolean) => t(value ? 'records.yes' : 'records.no');
  const { tagName, provinceName, ownerName } = vocabularyNames(t, lang, data.options);
  const rowsFor = (a: PersonFieldsFragment, b: PersonFieldsFragment): MergeRow[] => {
    // `field`: the user picks whose value is kept (the API's fromDuplicate); `rule`: what the merge does.
    const row = (label: string, read: (p: PersonFieldsFragment) => string, how: { field?: string; rule?: string } = {}) => ({
      label,
      a: read(a),
      b: read(b),
      ...how,
    });
    return [
      row(t('person.firstName'), (p) => p.firstName, { field: 'firstName' }),
      row(t('person.lastName'), (p) => p.lastName, { field: 'lastName' }),
      row(t('person.emails'), (p) => p.emails.join('\n'), { rule: t('merge.rule.combined') }),
      row(t('person.phones'), (p) => p.phones.map(formatPhone).join('\n'), { rule: t('merge.rule.combined') }),
      row(t('records.province'), (p) => provinceName(p.provinceCode), { field: 'provinceCode' }),
      row(t('records.city'), (p) => p.city ?? '', { field: 'city' }),
      row(t('person.leaderCategory'), (p) => (p.leaderCategory ? t(leaderKey(p.leaderCategory)) : ''), { field: 'leaderCategory' }),
      row(t('person.stage'), (p) => t(stageKey(p.engagementStage)), { rule: t('merge.rule.further') }),
      row(t('person.preferredLanguage'), (p) => t(p.preferredLanguage === 'fr' ? 'languageName.fr' : 'languageName.en'), { field: 'preferredLanguage' }),
      row(t('records.owner'), (p) => ownerName(p.ownerId), { field: 'ownerId' }),
      row(t('person.affiliations'), (p) => p.affiliations.map((affiliation) => organizationName(lang, affiliation.organization)).join('\n'), {
        rule: t('merge.rule.combined'),
      }),
      row(t('records.tags'), (p) => p.tags.map(tagName).join(', '), { rule: t('merge.rule.combined') }),
      row(t('person.consentEmail'), (p) => yesNo(p.consentEmail), { rule: t('merge.rule.stricter') }),
      row(t('person.consentPhone'), (p) => yesNo(p.consentPhone), { rule: t('merge.rule.stricter') }),
      row(t('person.doNotContact'), (p) => yesNo(p.doNotContact), { rule: t('merge.rule.either') }),
      row(t('records.notes'), (p) => p.notes ?? '', { rule: t('merge.rule.notes') }),
    ];
  };
  const rules = [t('merge.rules.lists'), t('merge.rules.consent'), t('merge.rules.notes'), t('merge.rules.stage'), t('merge.rules.personMoves')];

  return (
    <MergeScreen
      back={{ to: `/people/${person.id}`, label: personName(person) }}
      compare={
        data.mode === 'compare' && data.other
          ? {
              a: { id: person.id, version: person.version, title: personName(person), href: `/people/${person.id}`, createdAt: person.createdAt },
              b: {
                id: data.other.id,
                version: data.other.version,
                title: personName(data.other),
                href: `/people/${data.other.id}`,
                createdAt: data.other.createdAt,
              },
              rows: rowsFor(person, data.other),
              rules,
            }
          : null
      }
      q={data.q}
      candidates={data.candidates.map((candidate) => ({
        id: candidate.id,
        title: personName(candidate),
        detail: [candidate.affiliations[0] ? organizationName(lang, candidate.affiliations[0].organization) : null, candidate.city, candidate.provinceCode]
          .filter(Boolean)
          .join(' · '),
        href: `/people/${person.id}/merge?with=${candidate.id}`,
      }))}
      error={answer?.error ? t(answer.error) : null}
    />
  );
}
