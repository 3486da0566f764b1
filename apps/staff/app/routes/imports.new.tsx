import { Alert, Button, Card, Input, NativeSelect, Stack } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ImportTargetsDocument } from '@crm/staff-graphql';
import { ActionForm } from '../components/action-form';
import { PageHeader } from '../components/page-header';
import { apiHeaders, apiUrl } from '../utils/api.server';
import { csrfFieldName } from '../utils/csrf';
import { assertCsrfToken } from '../utils/csrf.server';
import { forwardMultipartFile } from '../utils/multipart-forward.server';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { requireUserWithPermission } from '../utils/session.server';
import { safeRedirect } from '../utils/safe-redirect';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'imports.title');

// What the file may hold: the import targets the API has registered and the caller may import
// (coordinators: people and outreach; national staff: organizations too).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'import', 'Person');
  const { importTargets } = await gql(ImportTargetsDocument, {}, { request });
  const kind = new URL(request.url).searchParams.get('kind');
  return { targets: importTargets, kind: importTargets.some((target) => target.kind === kind) ? kind : null };
}

type Answer = { error: 'required' } | { error: 'tooLarge' } | { error: 'refused'; reason: string } | { error: 'unexpected' };

type Forwarded = { ok: true; id: string } | { ok: false; answer: Answer };

// As the API's limit (IMPORT_MAX_BYTES): past it the upload stops here, with a message that says why.
const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

// The file streams on to the API's `POST /imports` (CSV is not GraphQL) with the
// session's token, then the wizard continues on /imports/:id.
export async function action({ request }: ActionFunctionArgs): Promise<Answer> {
  await requireUserWithPermission(request, 'import', 'Person');
  const { forwarded, tooLarge } = await forwardMultipartFile<Forwarded>(
    request,
    'file',
    async (fields, file) => {
      // The token comes before the file in the form: nothing is sent on without it.
      await assertCsrfToken(request, fields.get(csrfFieldName));
      // The API refuses a kind nobody registered (or the caller may not import).
      return upload(request, fields.get('kind') || 'people', file.filename, file.body);
    },
    UPLOAD_MAX_BYTES,
  );
  if (tooLarge) return { error: 'tooLarge' };
  if (!forwarded) return { error: 'required' };
  if (forwarded.ok) throw safeRedirect(`/imports/${forwarded.id}`);
  return forwarded.answer;
}

async function upload(request: Request, kind: string, filename: string, body: ReadableStream<Uint8Array>): Promise<Forwarded> {
  const response = await fetch(apiUrl(`/imports?${new URLSearchParams({ kind, filename })}`), {
    method: 'POST',
    headers: { ...(await apiHeaders(request)), 'content-type': 'text/csv' },
    body,
    duplex: 'half', // a streamed request body (undici requires saying so)
    signal: request.signal,
  } as RequestInit).catch(() => null);
  if (!response) return { ok: false, answer: { error: 'unexpected' } };
  const answer = (await response.json().catch(() => null)) as {
    importBatch?: { id: string };
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (response.ok && answer?.importBatch?.id) return { ok: true, id: answer.importBatch.id };
  const problem = answer?.errors?.[0];
  console.error(`[staff] the API refused an import upload (${response.status}): ${problem?.message ?? 'no body'}`);
  // The file's own problems (encoding, headers, size, empty) are the reader's to fix: say which.
  if (problem && (response.status === 400 || response.status === 413)) return { ok: false, answer: { error: 'refused', reason: problem.message } };
  return { ok: false, answer: { error: 'unexpected' } };
}

export default function NewImport() {
  const t = useT();
  const lang = useLanguage();
  const { targets, kind } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <Card withBorder padding="lg">
        <ActionForm encType="multipart/form-data" data-testid="import-upload">
          <Stack gap="md">
            {answer ? (
              <Alert color="red" variant="light" data-testid="import-error">
                {answer.error === 'required'
                  ? t('imports.file.required')
                  : answer.error === 'tooLarge'
                    ? t('imports.file.tooLarge')
                    : answer.error === 'refused'
                      ? t('imports.file.refused', { reason: answer.reason })
                      : t('form.error.unexpected')}
              </Alert>
            ) : null}
            <NativeSelect
              name="kind"
              label={t('imports.kind')}
              defaultValue={kind ?? undefined}
              data={targets.map((target) => ({ value: target.kind, label: lang === 'fr' ? target.labelFr : target.labelEn }))}
              data-testid="import-kind"
            />
            {/* A native file input: it works before JavaScript and posts the file as is. */}
            <Input.Wrapper label={t('imports.file')} description={t('imports.file.help')} required id="import-file">
              <input
                id="import-file"
                type="file"
                name="file"
                accept=".csv,text/csv"
                required
                data-testid="import-file"
                style={{ display: 'block', marginTop: 6 }}
              />
            </Input.Wrapper>
            <Button type="submit" loading={navigation.state === 'submitting'} data-testid="import-upload-submit" style={{ alignSelf: 'flex-end' }}>
              {t('imports.upload')}
            </Button>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
