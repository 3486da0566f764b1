import { localizedName } from '@crm/i18n';
import { CreateToolkitRequestDocument, ToolkitRequestFormOptionsDocument } from '@crm/staff-graphql';
import { Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FieldStack, SelectField, TextAreaField, TextField } from '../components/form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { ShippingAddressFields } from '../components/toolkit/address-fields';
import { ItemQuantities } from '../components/toolkit/item-quantities';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { ToolkitRequestForm, toolkitRequestFormFields } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.new.title');

// GET/POST /toolkit/requests/new: a member asks for its organization (the API sets it), a
// coordinator in their regions, staff anywhere.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'create', 'ToolkitRequest');
  const options = await gql(ToolkitRequestFormOptionsDocument, {}, { request });
  const provinces = viewer.role === 'COORDINATOR' ? options.provinces.filter((p) => viewer.provinceCodes.includes(p.code)) : options.provinces;
  return { items: options.toolkitItems.nodes, provinces, language: viewer.preferredLanguage };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'ToolkitRequest');
  const submission = parseForm(formData, ToolkitRequestForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  let id: string;
  try {
    ({
      createToolkitRequest: { id },
    } = await gql(CreateToolkitRequestDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: toolkitRequestFormFields }) };
  }
  throw safeRedirect(`/toolkit/requests/${id}?moved=requested`);
}

export default function NewToolkitRequest() {
  const t = useT();
  const lang = useLanguage();
  const { items, provinces, language } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(ToolkitRequestForm, {
    id: 'new-toolkit-request',
    lastResult: answer?.result,
    defaultValue: {
      language,
      provinceCode: provinces.length === 1 ? provinces[0].code : '',
      items: items.map((item) => ({ itemId: item.id, quantity: '' })),
    },
  });
  return (
    <RecordFormPage
      title={t('toolkit.new.title')}
      back={{ to: '/toolkit', label: t('toolkit.back') }}
      form={form}
      testId="toolkit-request-form"
      saveTestId="save-request"
    >
      <FieldStack>
        <Text size="sm" c="dimmed">
          {t('toolkit.new.intro')}
        </Text>
        <ItemQuantities field={fields.items} items={items} />
        <SelectField
          field={fields.language}
          label={t('toolkit.form.language')}
          data={[
            { value: 'en', label: t('language.en') },
            { value: 'fr', label: t('language.fr') },
          ]}
          data-testid="language"
        />
        <TextField field={fields.recipientName} label={t('toolkit.form.recipientName')} autoComplete="name" data-testid="recipientName" />
        <ShippingAddressFields fields={fields} provinces={provinces.map((p) => ({ value: p.code, label: localizedName(lang, p) }))} />
        <TextAreaField field={fields.note} label={t('toolkit.form.note')} data-testid="note" />
      </FieldStack>
    </RecordFormPage>
  );
}
