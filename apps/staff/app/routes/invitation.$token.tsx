import { getFormProps } from '@conform-to/react';
import { AcceptInvitationDocument, InvitationPreviewDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, PasswordField, TextField } from '../components/form-fields';
import { PublicCard } from '../components/public-shell';
import { AcceptInvitationForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { startSession } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'invitation.title');

// The link from the invitation e-mail: /invitation/<token>. The token is the
// credential; reading whom it is for does not use it. A dead link says so at
// once, before anyone types a password.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  try {
    const { invitation } = await gql(InvitationPreviewDocument, { token }, { request });
    return { token, invitation };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return { token, invitation: null };
    throw error;
  }
}

const passwordFields = ['newPassword', 'confirmPassword'];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const submission = parseForm(formData, AcceptInvitationForm);
  if (submission.status !== 'success') return submission.reply({ hideFields: passwordFields });
  try {
    const { token, name, newPassword } = submission.value;
    const { acceptInvitation } = await gql(AcceptInvitationDocument, { input: { token, name, newPassword } }, { request });
    // Signed in as the new user, whoever was signed in in this browser before.
    return startSession(
      request,
      { token: acceptInvitation.token, expiresAt: acceptInvitation.expiresAt, language: acceptInvitation.user.preferredLanguage },
      '/',
    );
  } catch (error) {
    return replyWithApiError(submission, error, { fields: ['name', ...passwordFields], hideFields: passwordFields });
  }
}

export default function Invitation() {
  const t = useT();
  const { token, invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(AcceptInvitationForm, { id: 'invitation', lastResult, defaultValue: { name: invitation?.name ?? '' } });

  if (!invitation) {
    return (
      <PublicCard title={t('invitation.title')} testId="invitation">
        <Stack gap="md">
          <Alert color="red" variant="light" data-testid="invitation-expired">
            {t('invitation.expired')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('invitation.toSignIn')}
          </Anchor>
        </Stack>
      </PublicCard>
    );
  }

  return (
    <PublicCard title={t('invitation.title')} intro={t('invitation.intro')} testId="invitation">
      <Text size="sm" mb="md" data-testid="invitation-for">
        {t('invitation.for', { email: invitation.email, role: t(`role.${invitation.role}`) })}
      </Text>
      <ActionForm {...getFormProps(form)}>
        <input type="hidden" name={fields.token.name} value={token} />
        <Stack gap="md">
          <FormAlert form={{ errorId: form.errorId, errors: [...(form.errors ?? []), ...(fields.token.errors ?? [])] }} />
          <TextField field={fields.name} label={t('invitation.name')} description={t('invitation.name.hint')} autoComplete="name" data-testid="name" />
          <PasswordField
            field={fields.newPassword}
            label={t('password.new')}
            description={t('password.hint')}
            autoComplete="new-password"
            data-testid="new-password"
          />
          <PasswordField field={fields.confirmPassword} label={t('password.confirm')} autoComplete="new-password" data-testid="confirm-password" />
          <Button type="submit" fullWidth loading={navigation.state !== 'idle'} data-testid="invitation-submit">
            {t('invitation.submit')}
          </Button>
        </Stack>
      </ActionForm>
    </PublicCard>
  );
}
