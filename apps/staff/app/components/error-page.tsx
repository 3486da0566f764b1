import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useT } from '../utils/i18n';

// Shown for anything that is not a 404: a status at most, never a stack trace.
export function ErrorPage({ status }: { status?: number }) {
  const t = useT();
  return (
    <Container size="sm" py="xl" data-testid="error-page">
      <Stack gap="md">
        {status ? <Text c="dimmed">{t('error.status', { status })}</Text> : null}
        <Title order={2}>{t('error.title')}</Title>
        <Text>{t('error.body')}</Text>
        <div>
          <Button component={Link} to="/" variant="light">
            {t('error.home')}
          </Button>
        </div>
      </Stack>
    </Container>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Container size="sm" py="xl" data-testid="not-found">
      <Stack gap="md">
        <Text c="dimmed">{t('error.status', { status: 404 })}</Text>
        <Title order={2}>{t('notFound.title')}</Title>
        <Text>{t('notFound.body')}</Text>
        <div>
          <Button component={Link} to="/" variant="light">
            {t('error.home')}
          </Button>
        </div>
      </Stack>
    </Container>
  );
}
