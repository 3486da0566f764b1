import { getFormProps } from '@conform-to/react';
import { translate } from '@crm/i18n';
import { PersonDocument, UpdatePersonDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack } from '@mantine/core';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { PersonFormFields } from '../components/records/person-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { languageFromMatches } from '../utils/meta';
import { ownerOptions } from '../utils/owners.server';
import { organizationName, personName } from '../utils/records';
import { completeUpdate, ownerTextFields, PersonForm, personCheckboxes, personFormFields, personLists, personTextFields } from '../utils/records-forms';
import { orNotFound } from '../utils/records.server';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  return [{ title: translate(lang, 'app.pageTitle', { page: data ? personName(data.person) : translate(lang, 'people.title') }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'update', 'Person');
  const [data, owners] = await Promise.all([orNotFound(() => gql(PersonDocument, { id: params.id ?? '' }, { request })), ownerOptions(request, viewer)]);
  return { ...data, owners };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Person');
  const submission = parseForm(formData, PersonForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  // Lived experience is sent only when the form showed it (the API hides it from others).
  const checkboxes = formData.get('showsLivedExperience') === '1' ? [...personCheckboxes, 'livedExperience'] : personCheckboxes;
  const input = completeUpdate({ ...submission.value, id: params.id ?? submission.value.id }, { text: ownerTextFields(formData, personTextFields), checkboxes, lists: personLists });
  try {
    await gql(UpdatePersonDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: personFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw redirect(`/people/${params.id}?saved=1`);
}

export default function EditPerson() {
  const t = useT();
  const lang = useLanguage();
  const { person, provinces, tags, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
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
      emails: person.emails.join('\n'),
      phones: person.phones.join('\n'),
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
    <Stack gap="lg" maw={900}>
      <PageHeader
        above={
          <Anchor component={Link} to={`/people/${person.id}`} size="sm">
            ← {name}
          </Anchor>
        }
        title={t('person.edit.title', { name })}
      />
      <Card withBorder padding="lg">
        <ActionForm {...getFormProps(form)} data-testid="person-form">
          {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
          <input type="hidden" name={fields.id.name} value={person.id} />
          <input type="hidden" name={fields.version.name} value={person.version} />
          {showLivedExperience ? <input type="hidden" name="showsLivedExperience" value="1" /> : null}
          <Stack gap="md">
            <FormAlert form={form} />
            {answer?.conflict ? (
              <Group>
                <Button component="a" href="" variant="light" size="xs" data-testid="reload">
                  {t('records.reload')}
                </Button>
              </Group>
            ) : null}
            <PersonFormFields
              fields={fields}
              values={person}
              provinces={provinces}
              tags={tags}
              showLivedExperience={showLivedExperience}
              affiliations={{ form, field: fields.affiliations, names: affiliationNames }}
              owners={owners ? { options: owners, currentOwnerId: person.ownerId } : null}
            />
            <Group justify="flex-end">
              <Button component={Link} to={`/people/${person.id}`} variant="subtle">
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={navigation.state === 'submitting'} data-testid="save-person">
                {t('records.save')}
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
