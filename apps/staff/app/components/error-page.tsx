import type { PlainMessageKey } from '@crm/i18n';
import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useT } from '../utils/i18n';
import type { RefusalReason } from '../utils/refusal';

const refusals: Record<RefusalReason, { title: PlainMessageKey; body: PlainMessageKey; testId: string }> = {
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body', testId: 'forbidden' },
  csrf: { title: 'error.csrf.title', body: 'error.csrf.body', testId: 'csrf-error' },
  unavailable: { title: 'error.unavailable.title', body: 'error.unavailable.body', testId: 'unavailable' },
};

// Shown for anything that is not a 404: a status and what to do, never a stack trace.
export function ErrorPage({ status, reason }: { status?: number; reason?: RefusalReason }) {
  const t = useT();
  const refusal = reason ? refusals[reason] : undefined;
  return (
    <Container size="sm" py="xl" data-testid={refusal?.testId ?? 'error-page'}>
      <Stack gap="md">
        {status ? <Text c="dimmed">{t('error.status', { status })}</Text> : null}
        <Title order={2}>{t(refusal?.title ?? 'error.title')}</Title>
        <Text>{t(refusal?.body ?? 'error.body')}</Text>
        <Group>
          {reason === 'csrf' || reason === 'unavailable' ? (
            // A full reload: a fresh page carries a fresh form token.
            <Button component="a" href="" variant="filled">
              {t('error.reload')}
            </Button>
          ) : null}
          <Button component={Link} to="/" variant="light" reloadDocument={reason === 'csrf'}>
            {t('error.home')}
          </Button>
        </Group>
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
