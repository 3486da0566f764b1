import { ArchiveToolkitItemDocument, RestoreToolkitItemDocument, ToolkitItemDocument, UpdateToolkitItemDocument } from '@crm/staff-graphql';
import { Alert, Anchor, Badge, Group, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ArchiveControl } from '../components/records/archive-control';
import { RecordOutcome } from '../components/records/record-page';
import { RecordFormPage } from '../components/records/record-form-page';
import { ToolkitItemFormFields } from '../components/toolkit/item-form-fields';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { formatCount, useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { completeUpdate } from '../utils/records-forms';
import { archiveOrRestore, orNotFound } from '../utils/records.server';
import { safeRedirect } from '../utils/safe-redirect';
import { useAbility } from '../utils/root-data';
import { requireUserWithPermission } from '../utils/session.server';
import { itemTitle, ToolkitItemForm, toolkitItemFormFields } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'toolkit.catalogue.title', data ? (lang) => itemTitle(lang, data.toolkitItem) : null);

// GET /toolkit/catalogue/:id: one material's names, descriptions, edition, threshold and (a
// digital file) its download address, saved at the version read (CONFLICT otherwise); its
// stock, changed in the inventory; archive or restore it.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'update', 'ToolkitItem');
  return orNotFound(() => gql(ToolkitItemDocument, { id: params.id ?? '' }, { request }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The archive control posts its intent here; the form posts the fields.
  const intent = (await request.clone().formData()).get('intent');
  if (intent === 'archive' || intent === 'restore') {
    const outcome = await archiveOrRestore(request, params.id, 'ToolkitItem', {
      archive: (input) => gql(ArchiveToolkitItemDocument, { input }, { request }),
      restore: (input) => gql(RestoreToolkitItemDocument, { input }, { request }),
    });
    return { ...outcome, result: null, conflict: false };
  }
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'ToolkitItem');
  const submission = parseForm(formData, ToolkitItemForm);
  if (submission.status !== 'success') return { done: null, error: null, result: submission.reply(), conflict: false };
  // Every shown field is on the form: an emptied description (or a digital file's address) is cleared, not kept.
  const text = formData.has('downloadUrl') ? ['descriptionEn', 'descriptionFr', 'downloadUrl'] : ['descriptionEn', 'descriptionFr'];
  const input = completeUpdate({ ...submission.value, id: params.id ?? '' }, { text });
  try {
    await gql(UpdateToolkitItemDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: toolkitItemFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { done: null, error: null, result, conflict: error instanceof ApiError && error.code === 'CONFLICT' };
  }
  throw safeRedirect(`/toolkit/catalogue/${params.id}?saved=1`);
}

export default function EditToolkitItem() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { toolkitItem: item } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const name = itemTitle(lang, item);
  const [form, fields] = useAppForm(ToolkitItemForm, {
    id: `edit-toolkit-item-${item.id}-${item.version}`,
    lastResult: answer?.result,
    defaultValue: {
      id: item.id,
      version: item.version,
      language: item.language,
      titleEn: item.titleEn,
      titleFr: item.titleFr,
      descriptionEn: item.descriptionEn ?? '',
      descriptionFr: item.descriptionFr ?? '',
      lowStockThreshold: String(item.lowStockThreshold),
      downloadUrl: item.downloadUrl ?? '',
    },
  });
  const archived = Boolean(item.archivedAt);
  return (
    <RecordFormPage
      title={t('toolkit.item.edit.title', { name })}
      back={{ to: archived ? '/toolkit/catalogue?archived=1' : '/toolkit/catalogue', label: t('toolkit.catalogue.back') }}
      form={form}
      testId="toolkit-item-form"
      saveTestId="save-toolkit-item"
      conflict={answer?.conflict}
      maw={960}
      actions={ability.can('archive', 'ToolkitItem') ? <ArchiveControl name={name} archived={archived} version={item.version} /> : null}
      notice={
        <>
          <RecordOutcome answer={answer?.error ? { error: answer.error } : undefined} />
          {archived ? (
            <Alert color="gray" variant="light" data-testid="item-archived">
              {t('toolkit.item.archived')}
            </Alert>
          ) : null}
          {item.kind !== 'digital_file' ? (
            <Group gap="sm" data-testid="item-stock">
              <Text size="sm" fw={600} data-testid="item-on-hand">
                {t('toolkit.item.stock.onHand', { onHand: formatCount(lang, item.onHand) })}
              </Text>
              {item.onHand <= item.lowStockThreshold ? (
                <Badge color="orange" variant="light" size="sm" data-testid="item-low-stock">
                  {t('toolkit.inventory.low')}
                </Badge>
              ) : null}
              <Anchor component={Link} to={`/toolkit/inventory?item=${item.id}`} size="sm" data-testid="item-inventory">
                {t('toolkit.item.stock.link')}
              </Anchor>
            </Group>
          ) : null}
        </>
      }
      hidden={
        <>
          {/* The version read with the page: saving over someone else's change is a CONFLICT. */}
          <input type="hidden" name={fields.id.name} value={item.id} />
          <input type="hidden" name={fields.version.name} value={item.version} />
        </>
      }
    >
      <ToolkitItemFormFields fields={fields} kind={item.kind} />
    </RecordFormPage>
  );
}
