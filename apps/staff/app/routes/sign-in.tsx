import { getFormProps } from '@conform-to/react';
import { SignInDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, PasswordField, TextField } from '../components/form-fields';
import { PublicCard } from '../components/public-shell';
import { SignInForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { safeRedirect, safeRedirectPath } from '../utils/safe-redirect';
import { getViewer, startSession } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'signIn.title');

// Already signed in: straight to where they were going.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request).catch(() => null);
  if (viewer) throw safeRedirect(new URL(request.url).searchParams.get('redirectTo'));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const submission = parseForm(formData, SignInForm);
  if (submission.status !== 'success') return submission.reply({ hideFields: ['password'] });

  try {
    const { signIn } = await gql(SignInDocument, { input: submission.value }, { request });
    const to = safeRedirectPath(formData.get('redirectTo'));
    return startSession(request, { token: signIn.token, expiresAt: signIn.expiresAt, language: signIn.user.preferredLanguage }, to);
  } catch (error) {
    // One message for an unknown e-mail, a wrong password and a closed account.
    return replyWithApiError(submission, error, {
      fields: ['email', 'password'],
      hideFields: ['password'],
      messages: { UNAUTHENTICATED: 'signIn.failed' },
    });
  }
}

export default function SignIn() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(SignInForm, { id: 'sign-in', lastResult });

  return (
    <PublicCard title={t('signIn.title')} intro={t('signIn.intro')} testId="sign-in">
      {searchParams.get('reset') === '1' ? (
        <Alert color="teal" variant="light" data-testid="password-reset-done">
          {t('signIn.passwordReset')}
        </Alert>
      ) : null}
      <ActionForm {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Stack gap="md">
          <FormAlert form={form} />
          <TextField field={fields.email} label={t('signIn.email')} type="email" autoComplete="username" data-testid="email" />
          <PasswordField field={fields.password} label={t('signIn.password')} autoComplete="current-password" data-testid="password" />
          <Button type="submit" fullWidth loading={navigation.state === 'submitting'} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center" data-testid="forgot-password">
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </ActionForm>
    </PublicCard>
  );
}
