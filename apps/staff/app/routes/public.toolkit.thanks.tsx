import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { PublicPage } from '../components/public-page';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'publicToolkit.thanks.title');

// GET /public/toolkit/thanks?ref=…: after a public request. The reference is all it shows (no personal data).
export async function loader({ request }: LoaderFunctionArgs) {
  const ref = new URL(request.url).searchParams.get('ref') ?? '';
  return { reference: /^[0-9A-F]{8}$/.test(ref) ? ref : '' };
}

export default function PublicToolkitThanks() {
  const t = useT();
  const lang = useLanguage();
  const { reference } = useLoaderData<typeof loader>();
  return (
    <PublicPage path="/public/toolkit/thanks" query={reference ? { ref: reference } : {}} languageLabel={t('publicToolkit.language')}>
      <Card withBorder padding="xl" data-testid="public-toolkit-thanks">
        <Stack gap="md">
          <Title order={1}>{t('publicToolkit.thanks.title')}</Title>
          <Text data-testid="public-toolkit-reference" data-reference={reference}>
            {t('publicToolkit.thanks.body', { reference })}
          </Text>
          <Anchor component={Link} to={`/public/toolkit?lang=${lang}`}>
            {t('publicToolkit.thanks.again')}
          </Anchor>
        </Stack>
      </Card>
    </PublicPage>
  );
}
