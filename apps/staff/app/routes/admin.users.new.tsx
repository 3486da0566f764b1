import { getFormProps } from '@conform-to/react';
import { InviteUserDocument, RegionsDocument } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, SelectField, TextField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { UserScopeFields } from '../components/user-scope-fields';
import { InviteUserForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invite.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'invite', 'User');
  const { regions } = await gql(RegionsDocument, {}, { request });
  return { regions };
}

const fieldNames = ['email', 'name', 'role', 'regionIds', 'organizationId', 'preferredLanguage'];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'invite', 'User');
  const submission = parseForm(formData, InviteUserForm);
  if (submission.status !== 'success') return submission.reply();
  try {
    const { inviteUser } = await gql(InviteUserDocument, { input: submission.value }, { request });
    return safeRedirect(`/admin/users/${inviteUser.id}?invited=1`);
  } catch (error) {
    return replyWithApiError(submission, error, { fields: fieldNames });
  }
}

export default function InviteUser() {
  const t = useT();
  const { regions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(InviteUserForm, { id: 'invite-user', lastResult, defaultValue: { preferredLanguage: 'en' } });

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        above={
          <Anchor component={Link} to="/admin/users" size="sm">
            ← {t('userEdit.back')}
          </Anchor>
        }
        title={t('invite.title')}
        description={t('invite.intro')}
      />
      <Card withBorder padding="lg">
        <ActionForm {...getFormProps(form)}>
          <Stack gap="md">
            <FormAlert form={form} />
            <TextField field={fields.email} label={t('user.email')} type="email" autoComplete="off" data-testid="email" />
            <TextField field={fields.name} label={t('user.name')} autoComplete="off" data-testid="name" />
            <UserScopeFields role={fields.role} regionIds={fields.regionIds} organizationId={fields.organizationId} regions={regions} />
            <SelectField
              field={fields.preferredLanguage}
              label={t('user.language')}
              data={[
                { value: 'en', label: t('languageName.en') },
                { value: 'fr', label: t('languageName.fr') },
              ]}
              w={{ base: '100%', sm: 240 }}
              data-testid="preferred-language"
            />
            <Group justify="flex-end" mt="sm">
              <Button type="submit" loading={navigation.state !== 'idle'} data-testid="invite-submit">
                {t('invite.submit')}
              </Button>
              <Button component={Link} to="/admin/users" variant="subtle">
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
