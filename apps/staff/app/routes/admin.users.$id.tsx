import { getFormProps } from '@conform-to/react';
import { SetUserActiveInput } from '@crm/contracts';
import { formatDateTime, translate, type PlainMessageKey } from '@crm/i18n';
import { OrganizationNameDocument, SetUserActiveDocument, UpdateUserDocument, UserDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Button, Card, Grid, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { FormAlert, TextField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { RoleBadge, UserStatusBadge } from '../components/user-badges';
import { UserScopeFields } from '../components/user-scope-fields';
import { UpdateUserForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { apiFormErrors, replyWithApiError } from '../utils/form-errors.server';
import { isPlainMessageKey } from '../utils/messages';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { languageFromMatches } from '../utils/meta';
import { useViewer } from '../utils/root-data';
import { organizationName } from '../utils/records';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  return [{ title: translate(lang, 'app.pageTitle', { page: data?.user.name ?? translate(lang, 'users.title') }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'manage', 'User');
  try {
    const data = await gql(UserDocument, { id: params.id ?? '' }, { request });
    // A member contact's organization shows by name (an archived or gone one by its id).
    const organizationId = data.user.organizationId;
    const organization = organizationId
      ? await gql(OrganizationNameDocument, { id: organizationId }, { request }).then(
          (answer) => answer.organization,
          () => null,
        )
      : null;
    return { ...data, organization };
  } catch (error) {
    // An unknown id and a malformed one both mean "no such user".
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) throw new Response(null, { status: 404 });
    throw error;
  }
}

const updateFields = ['name', 'role', 'regionIds', 'organizationId'];

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'manage', 'User');
  const intent = formData.get('intent');

  if (intent === 'deactivate' || intent === 'reactivate') {
    const input = SetUserActiveInput.safeParse({ id: params.id, version: Number(formData.get('version')), active: intent === 'reactivate' });
    if (!input.success) return { intent: 'access' as const, done: null, error: 'problem.invalid' as PlainMessageKey };
    try {
      await gql(SetUserActiveDocument, { input: input.data }, { request });
      return { intent: 'access' as const, done: intent, error: null };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const [first] = apiFormErrors(error, [], { CONFLICT: 'userEdit.conflict' }).formErrors;
      return { intent: 'access' as const, done: null, error: isPlainMessageKey(first) ? first : ('form.error.unexpected' as PlainMessageKey) };
    }
  }

  const submission = parseForm(formData, UpdateUserForm);
  if (submission.status !== 'success') return { intent: 'update' as const, saved: false, result: submission.reply() };
  try {
    // The user of this URL, whatever the hidden field says.
    await gql(UpdateUserDocument, { input: { ...submission.value, id: params.id ?? submission.value.id } }, { request });
    return { intent: 'update' as const, saved: true, result: submission.reply() };
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: updateFields, messages: { CONFLICT: 'userEdit.conflict' } });
    return { intent: 'update' as const, saved: false, conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
}

export default function EditUser() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const { user, regions, organization } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [confirming, { open, close }] = useDisclosure(false);
  const update = answer?.intent === 'update' ? answer : undefined;
  const access = answer?.intent === 'access' ? answer : undefined;
  const [form, fields] = useAppForm(UpdateUserForm, {
    id: `edit-user-${user.id}`,
    lastResult: update?.result,
    defaultValue: {
      id: user.id,
      version: user.version,
      name: user.name,
      role: user.role,
      regionIds: user.regionIds,
      organizationId: user.organizationId ?? '',
    },
  });
  const isSelf = viewer?.id === user.id;
  const busy = navigation.state !== 'idle';
  const nextIntent = user.active ? 'deactivate' : 'reactivate';

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        above={
          <Anchor component={Link} to="/admin/users" size="sm">
            ← {t('userEdit.back')}
          </Anchor>
        }
        title={<span data-testid="user-title">{user.name}</span>}
        description={user.email}
        actions={
          <Group gap="xs">
            <RoleBadge role={user.role} />
            <UserStatusBadge active={user.active} invitationPending={user.invitationPending} />
          </Group>
        }
      />

      {searchParams.get('invited') === '1' && !answer ? (
        <Alert color="teal" variant="light" data-testid="invitation-sent">
          {t('invite.sent', { email: user.email })}
        </Alert>
      ) : null}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
            <Title order={2} size="h4" id="details-title" mb="md">
              {t('userEdit.details')}
            </Title>
            <ActionForm {...getFormProps(form)}>
              {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
              <input type="hidden" name="intent" value="update" />
              <input type="hidden" name={fields.id.name} value={user.id} />
              <input type="hidden" name={fields.version.name} value={user.version} />
              <Stack gap="md">
                {update?.saved ? (
                  <Alert color="teal" variant="light" data-testid="user-saved">
                    {t('userEdit.saved')}
                  </Alert>
                ) : null}
                <FormAlert form={form} />
                {update && 'conflict' in update && update.conflict ? (
                  <Group>
                    <Button component="a" href="" variant="light" size="xs" data-testid="reload">
                      {t('userEdit.reload')}
                    </Button>
                  </Group>
                ) : null}
                <TextField field={fields.name} label={t('user.name')} data-testid="name" />
                <UserScopeFields
                  role={fields.role}
                  regionIds={fields.regionIds}
                  organizationId={fields.organizationId}
                  regions={regions}
                  roleDisabled={isSelf}
                  organizationName={organization ? organizationName(lang, organization) : null}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={busy && navigation.formData?.get('intent') === 'update'} data-testid="save-user">
                    {t('userEdit.save')}
                  </Button>
                </Group>
              </Stack>
            </ActionForm>
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="access-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="access-title">
                {t('userEdit.access')}
              </Title>
              {access?.done ? (
                <Alert color="teal" variant="light" data-testid="access-changed">
                  {t(access.done === 'deactivate' ? 'userEdit.deactivated' : 'userEdit.reactivated')}
                </Alert>
              ) : null}
              {access?.error ? (
                <Alert color="red" variant="light" data-testid="access-error">
                  {t(access.error)}
                </Alert>
              ) : null}
              <Text size="sm">{t(user.active ? 'userEdit.active' : 'userEdit.inactive', { name: user.name })}</Text>
              {user.invitationPending ? (
                <Text size="sm" c="dimmed">
                  {t('userEdit.pending')}
                </Text>
              ) : null}
              <Text size="sm" c="dimmed" suppressHydrationWarning>
                {user.lastSignInAt ? t('userEdit.lastSignIn', { date: formatDateTime(lang, user.lastSignInAt) }) : t('userEdit.neverSignedIn')}
              </Text>
              {isSelf ? null : (
                <Group>
                  <Button variant={user.active ? 'outline' : 'filled'} color={user.active ? 'red' : 'teal'} onClick={open} data-testid={nextIntent}>
                    {t(user.active ? 'userEdit.deactivate' : 'userEdit.reactivate')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>

      <Modal opened={confirming} onClose={close} title={t(user.active ? 'userEdit.deactivate.title' : 'userEdit.reactivate.title')} centered>
        <Stack gap="md">
          <Text size="sm">{t(user.active ? 'userEdit.deactivate.body' : 'userEdit.reactivate.body', { name: user.name })}</Text>
          <ActionForm onSubmit={close}>
            <input type="hidden" name="intent" value={nextIntent} />
            <input type="hidden" name="version" value={user.version} />
            <Group justify="flex-end">
              <Button type="submit" color={user.active ? 'red' : 'teal'} data-testid={`confirm-${nextIntent}`}>
                {t(user.active ? 'userEdit.deactivate.confirm' : 'userEdit.reactivate.confirm')}
              </Button>
              <Button variant="subtle" onClick={close}>
                {t('form.cancel')}
              </Button>
            </Group>
          </ActionForm>
        </Stack>
      </Modal>
    </Stack>
  );
}
