import { getFormProps } from '@conform-to/react';
import { canadianTimeZones } from '@crm/contracts';
import { localizedName, officeTimeZone } from '@crm/i18n';
import { ChangePasswordDocument, MyAccountDocument, UpdateMyPreferencesDocument } from '@crm/staff-graphql';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import type { ReactNode } from 'react';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { DateTime } from '../components/date-time';
import { FormAlert, PasswordField, SelectField } from '../components/form-fields';
import { LanguageSwitch } from '../components/language-switch';
import { PageHeader } from '../components/page-header';
import { RoleBadge } from '../components/user-badges';
import { ChangePasswordForm, TimeZoneForm } from '../forms/identity-forms';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUser } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { me, regions } = await gql(MyAccountDocument, {}, { request });
  const mine = new Set(me.regionIds);
  // Canada's zones first, then every other zone this server knows (its list, so the page and the check agree).
  const canadian = new Set<string>(canadianTimeZones);
  const otherZones = Intl.supportedValuesOf('timeZone').filter((zone) => !canadian.has(zone));
  return { me, regions: regions.filter((region) => mine.has(region.id)), otherZones };
}

const passwordFields = ['currentPassword', 'newPassword', 'confirmPassword'];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUser(request);
  if (formData.get('intent') === 'timeZone') return { form: 'timeZone' as const, ...(await saveTimeZone(request, formData)) };
  const submission = parseForm(formData, ChangePasswordForm);
  if (submission.status !== 'success') return { form: 'password' as const, changed: false, result: submission.reply({ hideFields: passwordFields }) };
  try {
    const { currentPassword, newPassword } = submission.value;
    await gql(ChangePasswordDocument, { input: { currentPassword, newPassword } }, { request });
  } catch (error) {
    return { form: 'password' as const, changed: false, result: replyWithApiError(submission, error, { fields: passwordFields, hideFields: passwordFields }) };
  }
  return { form: 'password' as const, changed: true, result: submission.reply({ resetForm: true }) };
}

// No zone chosen: the office's (null).
async function saveTimeZone(request: Request, formData: FormData) {
  const submission = parseForm(formData, TimeZoneForm);
  if (submission.status !== 'success') return { changed: false, result: submission.reply() };
  try {
    await gql(UpdateMyPreferencesDocument, { input: { timeZone: submission.value.timeZone ?? null } }, { request });
  } catch (error) {
    return { changed: false, result: replyWithApiError(submission, error, { fields: ['timeZone'] }) };
  }
  return { changed: true, result: submission.reply() };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export default function Account() {
  const t = useT();
  const lang = useLanguage();
  const { me, regions, otherZones } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const answer = data?.form === 'password' ? data : undefined;
  const zoneAnswer = data?.form === 'timeZone' ? data : undefined;
  const navigation = useNavigation();
  const [form, fields] = useAppForm(ChangePasswordForm, { id: 'change-password', lastResult: answer?.result });
  const [zoneForm, zoneFields] = useAppForm(TimeZoneForm, {
    id: `time-zone-${me.timeZone ?? 'office'}`,
    lastResult: zoneAnswer?.result,
    defaultValue: { intent: 'timeZone', timeZone: me.timeZone ?? '' },
  });

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('account.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="profile-title" data-testid="profile">
            <Title order={2} size="h4" id="profile-title" mb="sm">
              {t('account.profile')}
            </Title>
            <Table verticalSpacing="xs" withRowBorders={false}>
              <Table.Tbody>
                <Row label={t('account.name')}>{me.name}</Row>
                <Row label={t('account.email')}>{me.email}</Row>
                <Row label={t('account.role')}>
                  <RoleBadge role={me.role} />
                </Row>
                {me.role === 'COORDINATOR' ? (
                  <Row label={t('account.regions')}>
                    <span data-testid="profile-regions">{regions.length ? regions.map((r) => localizedName(lang, r)).join(', ') : t('account.none')}</span>
                  </Row>
                ) : null}
                {me.role === 'MEMBER' ? <Row label={t('account.organization')}>{me.organizationId ?? t('account.none')}</Row> : null}
                {me.lastSignInAt ? (
                  <Row label={t('users.column.lastSignIn')}>
                    <DateTime value={me.lastSignInAt} />
                  </Row>
                ) : null}
              </Table.Tbody>
            </Table>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="language-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="language-title">
                {t('account.language.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('account.language.intro')}
              </Text>
              <Group>
                <LanguageSwitch size="sm" testId="account-language" />
              </Group>
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="time-zone-title" data-testid="time-zone">
            <ActionForm {...getFormProps(zoneForm)}>
              <input type="hidden" name="intent" value="timeZone" />
              <Stack gap="sm">
                <Title order={2} size="h4" id="time-zone-title">
                  {t('account.timeZone.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('account.timeZone.intro')}
                </Text>
                {zoneAnswer?.changed ? (
                  <Alert color="teal" variant="light" role="status" data-testid="time-zone-saved">
                    {t('account.timeZone.saved')}
                  </Alert>
                ) : null}
                <FormAlert form={zoneForm} />
                <SelectField
                  field={zoneFields.timeZone}
                  label={t('account.timeZone.label')}
                  data={[
                    { value: '', label: t('account.timeZone.office', { zone: officeTimeZone }) },
                    { group: t('account.timeZone.canada'), items: [...canadianTimeZones] },
                    { group: t('account.timeZone.other'), items: otherZones },
                  ]}
                  data-testid="time-zone-select"
                />
                <Group>
                  <Button type="submit" variant="default" data-testid="time-zone-save">
                    {t('account.timeZone.save')}
                  </Button>
                </Group>
              </Stack>
            </ActionForm>
          </Card>
        </Stack>

        <Card withBorder padding="lg" component="section" aria-labelledby="password-title">
          <Stack gap="md">
            <div>
              <Title order={2} size="h4" id="password-title">
                {t('account.password.title')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('account.password.intro')}
              </Text>
            </div>
            {answer?.changed ? (
              <Alert color="teal" variant="light" data-testid="password-changed">
                {t('account.password.changed')}
              </Alert>
            ) : null}
            <ActionForm {...getFormProps(form)}>
              <Stack gap="md">
                <FormAlert form={form} />
                <PasswordField field={fields.currentPassword} label={t('password.current')} autoComplete="current-password" data-testid="current-password" />
                <PasswordField
                  field={fields.newPassword}
                  label={t('password.new')}
                  description={t('password.hint')}
                  autoComplete="new-password"
                  data-testid="new-password"
                />
                <PasswordField field={fields.confirmPassword} label={t('password.confirm')} autoComplete="new-password" data-testid="confirm-password" />
                <Group>
                  <Button type="submit" loading={navigation.state === 'submitting'} data-testid="change-password-submit">
                    {t('account.password.submit')}
                  </Button>
                </Group>
              </Stack>
            </ActionForm>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
