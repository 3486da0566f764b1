import { getFormProps } from '@conform-to/react';
import { provinceCodeValues } from '@crm/contracts';
import { PublicToolkitCatalogueDocument, SubmitPublicToolkitRequestDocument } from '@crm/staff-graphql';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ActionForm } from '../components/action-form';
import { errorText, FormAlert, SelectField, TextAreaField, TextField } from '../components/form-fields';
import { PublicPage } from '../components/public-page';
import { ShippingAddressFields } from '../components/toolkit/address-fields';
import { ItemQuantities } from '../components/toolkit/item-quantities';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { safeRedirect } from '../utils/safe-redirect';
import { PublicToolkitRequestForm, publicToolkitFormFields } from '../utils/toolkit';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'publicToolkit.title');

// The largest form a person can fill in (20 lines of items, long address and note) is far under this.
const maxBodyBytes = 32_000;

// GET /public/toolkit (?lang=fr): anyone may ask for materials, without signing in. The API
// validates again with the same schema, counts submissions per address (31 a minute is
// refused), and a repeat within minutes answers the first request's reference.
export async function loader({ request }: LoaderFunctionArgs) {
  const { toolkitCatalogue } = await gql(PublicToolkitCatalogueDocument, {}, { request });
  return { items: toolkitCatalogue };
}

export async function action({ request }: ActionFunctionArgs) {
  // Oversized: refused before the body is read.
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return { result: null, formError: 'publicToolkit.tooLarge' as const };
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const submission = parseForm(formData, PublicToolkitRequestForm);
  if (submission.status !== 'success') return { result: submission.reply(), formError: null };
  let reference: string;
  try {
    ({
      submitPublicToolkitRequest: { reference },
    } = await gql(SubmitPublicToolkitRequestDocument, { input: submission.value }, { request }));
  } catch (error) {
    return {
      result: replyWithApiError(submission, error, {
        fields: publicToolkitFormFields,
        messages: { TOO_MANY_REQUESTS: 'publicToolkit.tooMany' },
      }),
      formError: null,
    };
  }
  throw safeRedirect(`/public/toolkit/thanks?${new URLSearchParams({ ref: reference, lang: submission.value.language })}`);
}

export default function PublicToolkit() {
  const t = useT();
  const lang = useLanguage();
  const navigation = useNavigation();
  const { items } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm(PublicToolkitRequestForm, {
    id: 'public-toolkit',
    lastResult: answer?.result,
    defaultValue: { language: lang, items: items.map((item) => ({ itemId: item.id, quantity: '' })) },
  });
  // The honeypot is hidden from people: its refusal is said for the whole form.
  const honeypot = errorText(t, fields.website.errors);

  return (
    <PublicPage path="/public/toolkit" languageLabel={t('publicToolkit.language')}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('publicToolkit.title')}</Title>
          <Text c="dimmed">{t('publicToolkit.intro')}</Text>
        </Stack>
        {items.length === 0 ? (
          <Text data-testid="public-toolkit-empty">{t('publicToolkit.empty')}</Text>
        ) : (
          <Card withBorder padding="lg">
            <ActionForm {...getFormProps(form)} data-testid="public-toolkit-form">
              <Stack gap="md">
                {answer?.formError ? (
                  <Alert color="red" variant="light" role="alert" data-testid="form-error">
                    {t(answer.formError)}
                  </Alert>
                ) : null}
                <FormAlert form={form} />
                {honeypot ? (
                  <Alert color="red" variant="light" role="alert" data-testid="honeypot-error">
                    {honeypot}
                  </Alert>
                ) : null}
                <ItemQuantities field={fields.items} items={items} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextField field={fields.name} label={t('publicToolkit.name')} autoComplete="name" data-testid="name" />
                  <TextField field={fields.email} type="email" label={t('publicToolkit.email')} autoComplete="email" data-testid="email" />
                </SimpleGrid>
                <TextField field={fields.organizationName} label={t('publicToolkit.organization')} autoComplete="organization" data-testid="organizationName" />
                <ShippingAddressFields
                  fields={fields}
                  provinces={provinceCodeValues.map((code) => ({ value: code, label: t(`publicToolkit.province.${code}`) }))}
                />
                <SelectField
                  field={fields.language}
                  label={t('toolkit.form.language')}
                  data={[
                    { value: 'en', label: t('language.en') },
                    { value: 'fr', label: t('language.fr') },
                  ]}
                  data-testid="language"
                />
                <TextAreaField field={fields.note} label={t('toolkit.form.note')} data-testid="note" />
                {/* The honeypot: off screen, out of the tab order and hidden from assistive technology. */}
                <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
                  <TextInput name="website" label={t('publicToolkit.honeypot')} tabIndex={-1} autoComplete="off" data-testid="website" />
                </div>
                <Group>
                  <Button type="submit" loading={navigation.state === 'submitting'} data-testid="public-toolkit-submit">
                    {t('publicToolkit.submit')}
                  </Button>
                </Group>
              </Stack>
            </ActionForm>
          </Card>
        )}
      </Stack>
    </PublicPage>
  );
}
