import { getFormProps } from '@conform-to/react';
import { CreateOrganizationDocument, PersonFormOptionsDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack } from '@mantine/core';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { OrganizationFormFields } from '../components/records/organization-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { NewOrganizationForm, organizationFormFields } from '../utils/records-forms';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

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
  let id: string;
  try {
    ({
      createOrganization: { id },
    } = await gql(CreateOrganizationDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: organizationFormFields }) };
  }
  throw redirect(`/organizations/${id}?created=1`);
}

export default function NewOrganization() {
  const t = useT();
  const { provinces, tags, assignableOwners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(NewOrganizationForm, { id: 'new-organization', lastResult: answer?.result, defaultValue: { membership: 'ally' } });

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        above={
          <Anchor component={Link} to="/organizations" size="sm">
            ← {t('organizations.back')}
          </Anchor>
        }
        title={t('organizations.new.title')}
      />
      <Card withBorder padding="lg">
        <ActionForm {...getFormProps(form)} data-testid="organization-form">
          <Stack gap="md">
            <FormAlert form={form} />
            <OrganizationFormFields fields={fields} provinces={provinces} tags={tags} owners={{ options: assignableOwners }} />
            <Group justify="flex-end">
              <Button component={Link} to="/organizations" variant="subtle">
                {t('form.cancel')}
              </Button>
              <Button type="submit" loading={navigation.state === 'submitting'} data-testid="save-organization">
                {t('records.save')}
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
