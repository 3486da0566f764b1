import { AppShell, Burger, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { isActive, visibleSections } from '../navigation';
import { useT } from '../utils/i18n';
import { useAbility } from '../utils/root-data';
import type { Viewer } from '../utils/viewer';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

// The signed-in frame: header with the language switch and the user menu, and
// the navigation this role may use.
export function StaffShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const t = useT();
  const ability = useAbility();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Title order={1} size="h4" c="indigo.8" lineClamp={1}>
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu viewer={viewer} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
        <Stack gap="lg">
          {visibleSections(ability).map((section) => (
            <div key={section.testId} data-testid={section.testId}>
              {section.label ? (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(section.label)}
                </Text>
              ) : null}
              {section.items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  onClick={close}
                  active={isActive(item, pathname)}
                  aria-current={isActive(item, pathname) ? 'page' : undefined}
                />
              ))}
            </div>
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
