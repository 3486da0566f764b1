import { getFormProps } from '@conform-to/react';
import { CreateBulkToolkitRequestsDocument, ToolkitBulkOptionsDocument, ToolkitBulkTargetsDocument } from '@crm/staff-graphql';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { BackLink } from '../components/back-link';
import { FormAlert, SelectField, TextAreaField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { ItemQuantities } from '../components/toolkit/item-quantities';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { organizationName } from '../utils/records';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { ToolkitBulkForm } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.bulk.title');

const bulkFields = ['regionId', 'language', 'items', 'items[].quantity', 'note'] as const;

// GET /toolkit/bulk (?regionId=…&items[0].quantity=…: the preview). "Send the starter kit to
// every member organization in the Atlantic region": the organizations it reaches are shown
// before anything is created; the POST creates them all in one transaction.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'manage', 'ToolkitRequest');
  const params = new URL(request.url).searchParams;
  const options = await gql(ToolkitBulkOptionsDocument, {}, { request });
  if (!params.has('regionId')) return { ...options, preview: null, query: '' };
  const submission = parseForm(params, ToolkitBulkForm);
  if (submission.status !== 'success') return { ...options, preview: { result: submission.reply(), targets: null }, query: '' };
  try {
    const { toolkitBulkTargets } = await gql(ToolkitBulkTargetsDocument, { regionId: submission.value.regionId }, { request });
    return { ...options, preview: { result: submission.reply(), targets: toolkitBulkTargets }, query: params.toString() };
  } catch (error) {
    return { ...options, preview: { result: replyWithApiError(submission, error, { fields: bulkFields }), targets: null }, query: '' };
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'manage', 'ToolkitRequest');
  const submission = parseForm(formData, ToolkitBulkForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  let created: number;
  try {
    created = (await gql(CreateBulkToolkitRequestsDocument, { input: submission.value }, { request })).createBulkToolkitRequests.length;
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: bulkFields }) };
  }
  throw safeRedirect(`/toolkit?bulk=${created}&status=approved`);
}

export default function ToolkitBulk() {
  const t = useT();
  const lang = useLanguage();
  const navigation = useNavigation();
  const { regions, toolkitItems, preview, query } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const items = toolkitItems.nodes;
  const [form, fields] = useAppForm(ToolkitBulkForm, {
    id: 'toolkit-bulk',
    lastResult: answer?.result ?? preview?.result,
    defaultValue: { items: items.map((item) => ({ itemId: item.id, quantity: '' })) },
  });
  const targets = preview?.targets ?? null;

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader above={<BackLink to="/toolkit">{t('toolkit.back')}</BackLink>} title={t('toolkit.bulk.title')} description={t('toolkit.bulk.intro')} />
      <Card withBorder padding="lg">
        {/* The choice is a GET: the preview is a page of its own (back and reload keep it). */}
        <Form method="get" {...getFormProps(form)} data-testid="bulk-preview-form">
          <Stack gap="md">
            <FormAlert form={form} />
            <SelectField
              field={fields.regionId}
              label={t('toolkit.bulk.region')}
              data={[{ value: '', label: '—' }, ...regions.map((r) => ({ value: r.id, label: organizationName(lang, r) }))]}
              data-testid="bulk-region"
            />
            <ItemQuantities field={fields.items} items={items} />
            <SelectField
              field={fields.language}
              label={t('toolkit.form.language')}
              data={[
                { value: '', label: '—' },
                { value: 'en', label: t('language.en') },
                { value: 'fr', label: t('language.fr') },
              ]}
              data-testid="bulk-language"
            />
            <TextAreaField field={fields.note} label={t('toolkit.form.note')} minRows={2} />
            <Group>
              <Button type="submit" variant="default" data-testid="bulk-preview">
                {t('toolkit.bulk.preview')}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Card>

      {targets ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="targets-title" data-testid="bulk-targets">
          <Stack gap="md">
            <Title order={2} size="h4" id="targets-title">
              {targets.length ? t('toolkit.bulk.targets', { count: formatCount(lang, targets.length) }) : t('toolkit.bulk.noTargets')}
            </Title>
            <List size="sm" spacing={4}>
              {targets.map((target) => (
                <List.Item key={target.organizationId} data-testid="bulk-target">
                  {organizationName(lang, target)}{' '}
                  <Text span size="xs" c="dimmed">
                    {[target.city, target.provinceCode].filter(Boolean).join(', ')}
                  </Text>
                </List.Item>
              ))}
            </List>
            {targets.length ? (
              <ActionForm data-testid="bulk-run-form">
                {[...new URLSearchParams(query)].map(([name, value]) => (
                  <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
                ))}
                <Group>
                  <Button type="submit" loading={navigation.state === 'submitting'} data-testid="bulk-run">
                    {t('toolkit.bulk.run', { count: formatCount(lang, targets.length) })}
                  </Button>
                </Group>
              </ActionForm>
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
