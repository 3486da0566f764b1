import { getFormProps } from '@conform-to/react';
import { RequestPasswordResetDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, TextField } from '../components/form-fields';
import { PublicCard } from '../components/public-shell';
import { ForgotPasswordForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'forgot.title');

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const submission = parseForm(formData, ForgotPasswordForm);
  if (submission.status !== 'success') return { sent: false, result: submission.reply() };
  try {
    await gql(RequestPasswordResetDocument, { input: submission.value }, { request });
  } catch (error) {
    // Too many tries, or no answer at all, says so; anything else still reads
    // "if an account exists…", so the page never tells whether an address has one.
    if (!(error instanceof ApiError) || error.code === 'TOO_MANY_REQUESTS' || error.code === 'API_UNREACHABLE') {
      return { sent: false, result: replyWithApiError(submission, error, { fields: ['email'] }) };
    }
    console.error(`[staff] password reset request failed (${error.code}): ${error.message}`);
  }
  return { sent: true, result: submission.reply({ resetForm: true }) };
}

export default function ForgotPassword() {
  const t = useT();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(ForgotPasswordForm, { id: 'forgot-password', lastResult: answer?.result });

  return (
    <PublicCard title={t('forgot.title')} intro={answer?.sent ? undefined : t('forgot.intro')} testId="forgot-password">
      {answer?.sent ? (
        <Alert color="teal" variant="light" data-testid="reset-link-sent">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <ActionForm {...getFormProps(form)}>
          <Stack gap="md">
            <FormAlert form={form} />
            <TextField field={fields.email} label={t('signIn.email')} type="email" autoComplete="email" data-testid="email" />
            <Button type="submit" fullWidth loading={navigation.state === 'submitting'} data-testid="forgot-submit">
              {t('forgot.submit')}
            </Button>
          </Stack>
        </ActionForm>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        {t('forgot.back')}
      </Anchor>
    </PublicCard>
  );
}
