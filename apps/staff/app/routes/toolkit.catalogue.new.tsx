import { CreateToolkitItemDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { RecordFormPage } from '../components/records/record-form-page';
import { ToolkitItemFormFields } from '../components/toolkit/item-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { NewToolkitItemForm, toolkitItemFormFields } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'toolkit.item.new.title');

// GET /toolkit/catalogue/new: a material added to the catalogue; the copies on hand go in as its
// first "received" stock movement, in the same transaction (the API's createToolkitItem).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'create', 'ToolkitItem');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'ToolkitItem');
  const submission = parseForm(formData, NewToolkitItemForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  let id: string;
  try {
    ({
      createToolkitItem: { id },
    } = await gql(CreateToolkitItemDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: toolkitItemFormFields }) };
  }
  throw safeRedirect(`/toolkit/catalogue/${id}?created=1`);
}

export default function NewToolkitItem() {
  const t = useT();
  const lang = useLanguage();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(NewToolkitItemForm, {
    id: 'new-toolkit-item',
    lastResult: answer?.result,
    defaultValue: { kind: 'booklet', language: lang, lowStockThreshold: '0', initialStock: '0' },
  });
  return (
    <RecordFormPage
      title={t('toolkit.item.new.title')}
      back={{ to: '/toolkit/catalogue', label: t('toolkit.catalogue.back') }}
      form={form}
      testId="toolkit-item-form"
      saveTestId="save-toolkit-item"
      maw={960}
    >
      <ToolkitItemFormFields fields={fields} />
    </RecordFormPage>
  );
}
