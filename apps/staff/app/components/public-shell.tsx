import { Box, Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../utils/i18n';
import { LanguageSwitch } from './language-switch';

// The signed-out frame (sign-in, forgotten password, invitation, errors): the
// app's name and the language switch above the page.
export function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group h={60} px="md" justify="space-between" wrap="nowrap" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Title order={1} size="h4" c="indigo.8" lineClamp={1}>
          {t('app.name')}
        </Title>
        <LanguageSwitch />
      </Group>
      <Container size="lg" py="xl">
        {children}
      </Container>
    </Box>
  );
}

// A centred card for one short form: sign in, reset, invitation.
export function PublicCard({ title, intro, children, testId }: { title: string; intro?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Center pt={{ base: 0, sm: 'xl' }}>
      <Paper withBorder shadow="xs" radius="md" p="xl" w="100%" maw={440} data-testid={testId}>
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={2} size="h3">
              {title}
            </Title>
            {intro ? (
              <Text c="dimmed" size="sm">
                {intro}
              </Text>
            ) : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
