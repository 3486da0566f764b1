import { MergeRecordsInput } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import { MergePeopleDocument, PeopleToMergeDocument, PersonDocument, SearchDirectoryDocument, type PersonFieldsFragment } from '@crm/staff-graphql';
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
import { leaderKey, organizationName, personName, stageKey } from '../utils/records';
import { orNotFound } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'merge.title');

// `/people/:id/merge?q=` picks the duplicate; `?with=:otherId` shows both side by side.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'merge', 'Person');
  const id = params.id ?? '';
  const search = new URL(request.url).searchParams;
  const otherId = search.get('with');
  if (otherId && otherId !== id) {
    const pair = await orNotFound(() => gql(PeopleToMergeDocument, { id, otherId }, { request }));
    return { mode: 'compare' as const, ...pair, q: '', candidates: [] };
  }
  const { person } = await orNotFound(() => gql(PersonDocument, { id }, { request }));
  const q = (search.get('q') ?? personName(person)).trim().slice(0, 100);
  const found = q.length >= 2 ? (await gql(SearchDirectoryDocument, { text: q, first: 20 }, { request })).searchDirectory.people : [];
  return { mode: 'pick' as const, person, other: null, q, candidates: found.filter((candidate) => candidate.id !== id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'merge', 'Person');
  const input = MergeRecordsInput.safeParse({
    survivorId: formData.get('survivorId'),
    survivorVersion: Number(formData.get('survivorVersion')),
    duplicateId: formData.get('duplicateId'),
    duplicateVersion: Number(formData.get('duplicateVersion')),
  });
  // Only a merge that involves this page's person.
  if (!input.success || (input.data.survivorId !== params.id && input.data.duplicateId !== params.id)) return { error: 'validation.invalid' as PlainMessageKey };
  try {
    await gql(MergePeopleDocument, { input: input.data }, { request });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const [first] = apiFormErrors(error, [], { CONFLICT: 'records.conflict' }).formErrors;
    return { error: isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey) };
  }
  throw redirect(`/people/${input.data.survivorId}?merged=1`);
}

export default function MergePeople() {
  const t = useT();
  const lang = useLanguage();
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { person } = data;
  const yesNo = (value: boolean) => t(value ? 'records.yes' : 'records.no');
  const rowsFor = (a: PersonFieldsFragment, b: PersonFieldsFragment): MergeRow[] => {
    const row = (label: string, read: (p: PersonFieldsFragment) => string) => ({ label, a: read(a), b: read(b) });
    return [
      row(t('person.firstName'), (p) => p.firstName),
      row(t('person.lastName'), (p) => p.lastName),
      row(t('person.emails'), (p) => p.emails.join('\n')),
      row(t('person.phones'), (p) => p.phones.join('\n')),
      row(t('records.province'), (p) => p.provinceCode),
      row(t('records.city'), (p) => p.city ?? ''),
      row(t('person.leaderCategory'), (p) => (p.leaderCategory ? t(leaderKey(p.leaderCategory)) : '')),
      row(t('person.stage'), (p) => t(stageKey(p.engagementStage))),
      row(t('person.preferredLanguage'), (p) => t(p.preferredLanguage === 'fr' ? 'language.fr' : 'language.en')),
      row(t('person.affiliations'), (p) => p.affiliations.map((affiliation) => organizationName(lang, affiliation.organization)).join('\n')),
      row(t('records.tags'), (p) => p.tags.join(', ')),
      row(t('person.consentEmail'), (p) => yesNo(p.consentEmail)),
      row(t('person.consentPhone'), (p) => yesNo(p.consentPhone)),
      row(t('person.doNotContact'), (p) => yesNo(p.doNotContact)),
      row(t('records.notes'), (p) => p.notes ?? ''),
    ];
  };

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={
          <Anchor component={Link} to={`/people/${person.id}`} size="sm">
            ← {personName(person)}
          </Anchor>
        }
        title={t('merge.title')}
        description={t('merge.intro')}
      />
      {data.mode === 'compare' && data.other ? (
        <MergeView
          a={{ id: person.id, version: person.version, title: personName(person), href: `/people/${person.id}` }}
          b={{ id: data.other.id, version: data.other.version, title: personName(data.other), href: `/people/${data.other.id}` }}
          rows={rowsFor(person, data.other)}
          error={answer?.error ? t(answer.error) : null}
        />
      ) : (
        <MergePicker
          q={data.q}
          candidates={data.candidates.map((candidate) => ({
            id: candidate.id,
            title: personName(candidate),
            detail: [candidate.affiliations[0] ? organizationName(lang, candidate.affiliations[0].organization) : null, candidate.city, candidate.provinceCode]
              .filter(Boolean)
              .join(' · '),
            href: `/people/${person.id}/merge?with=${candidate.id}`,
          }))}
        />
      )}
    </Stack>
  );
}
