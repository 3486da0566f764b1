import { getFormProps } from '@conform-to/react';
import { ResetPasswordDocument } from '@crm/staff-graphql';
import { Anchor, Button, Stack } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, PasswordField } from '../components/form-fields';
import { PublicCard } from '../components/public-shell';
import { ResetPasswordForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { useAppForm } from '../utils/use-app-form';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'reset.title');

// The link from the e-mail: /reset-password/<token>. The token is the credential.
export function loader({ params }: LoaderFunctionArgs) {
  return { token: params.token ?? '' };
}

const passwordFields = ['newPassword', 'confirmPassword'];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const submission = parseForm(formData, ResetPasswordForm);
  if (submission.status !== 'success') return submission.reply({ hideFields: passwordFields });
  try {
    const { token, newPassword } = submission.value;
    await gql(ResetPasswordDocument, { input: { token, newPassword } }, { request });
  } catch (error) {
    return replyWithApiError(submission, error, { fields: passwordFields, hideFields: passwordFields });
  }
  // Every session of the account was ended: sign in with the new password.
  return safeRedirect('/sign-in?reset=1');
}

export default function ResetPassword() {
  const t = useT();
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(ResetPasswordForm, { id: 'reset-password', lastResult });
  // A problem with the token itself (expired, used, malformed) is the form's message.
  const linkProblem = Boolean(fields.token.errors?.length) || Boolean(form.errors?.some((e) => e === 'tokenExpired' || e === 'link'));

  return (
    <PublicCard title={t('reset.title')} intro={t('password.hint')} testId="reset-password">
      <ActionForm {...getFormProps(form)}>
        <input type="hidden" name={fields.token.name} value={token} />
        <Stack gap="md">
          <FormAlert form={{ errorId: form.errorId, errors: [...(form.errors ?? []), ...(fields.token.errors ?? [])] }} />
          <PasswordField field={fields.newPassword} label={t('password.new')} autoComplete="new-password" data-testid="new-password" />
          <PasswordField field={fields.confirmPassword} label={t('password.confirm')} autoComplete="new-password" data-testid="confirm-password" />
          <Button type="submit" fullWidth loading={navigation.state === 'submitting'} data-testid="reset-submit">
            {t('reset.submit')}
          </Button>
        </Stack>
      </ActionForm>
      {linkProblem ? (
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center" data-testid="ask-again">
          {t('reset.askAgain')}
        </Anchor>
      ) : null}
    </PublicCard>
  );
}
