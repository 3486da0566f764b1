import { languages, type Language } from '@crm/i18n';
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLanguage, useT } from '../utils/i18n';

/**
 * A public page's frame (`/public/…`, no sign-in): the app's name, and English/French links
 * that put the language in the address, so a shared link opens in the language it was shared in.
 */
export function PublicPage({
  path,
  query = {},
  languageLabel,
  children,
}: {
  path: string;
  /** Other parameters the language links keep. */
  query?: Record<string, string>;
  languageLabel: string;
  children: ReactNode;
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group
        h={60}
        px="md"
        justify="space-between"
        wrap="nowrap"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        component="header"
      >
        <Text fw={700} c="indigo.8" lineClamp={1}>
          {t('app.name')}
        </Text>
        <Group gap="xs" component="nav" aria-label={languageLabel}>
          {languages.map((other: Language) => (
            <Anchor
              key={other}
              href={`${path}?${new URLSearchParams({ ...query, lang: other })}`}
              lang={other}
              fw={other === lang ? 700 : 400}
              aria-current={other === lang ? 'page' : undefined}
              data-testid={`public-lang-${other}`}
            >
              {t(`language.${other}`)}
            </Anchor>
          ))}
        </Group>
      </Group>
      <Container size="md" py="xl" component="main">
        {children}
      </Container>
    </Box>
  );
}
