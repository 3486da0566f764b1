import { ActionIcon, AppShell, Burger, Group, NavLink, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Form, Link, useLocation } from '@remix-run/react';
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
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main" className="skip-link" data-testid="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            {/* On a phone the name takes two lines of smaller type rather than be cut ("CRM de la…"). */}
            <Title order={1} fz={{ base: 'sm', sm: 'xl' }} lh={1.15} c="indigo.8" lineClamp={2} miw={0}>
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap" className="header-tools">
            {ability.can('read', 'Person') ? <HeaderSearch /> : null}
            <LanguageSwitch />
            <UserMenu viewer={viewer} />
          </Group>
        </Group>
      </AppShell.Header>

      {/* Taller than a laptop's screen for an administrator: it scrolls on its own. */}
      <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')} style={{ overflowY: 'auto' }}>
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

      <AppShell.Main bg="gray.0" id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

// Search from every page: a plain GET form to /search (works before JavaScript);
// on a phone, a link to the search page instead of a field.
function HeaderSearch() {
  const t = useT();
  const { pathname, search } = useLocation();
  const current = pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : '';
  return (
    <>
      <Form method="get" action="/search" role="search" aria-label={t('header.search.label')}>
        <TextInput
          name="q"
          type="search"
          size="xs"
          w={220}
          visibleFrom="md"
          aria-label={t('header.search.label')}
          placeholder={t('header.search.placeholder')}
          defaultValue={current}
          key={current}
          data-testid="header-search"
        />
      </Form>
      <ActionIcon
        component={Link}
        to="/search"
        hiddenFrom="md"
        variant="subtle"
        size="lg"
        aria-label={t('header.search.label')}
        data-testid="header-search-link"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
      </ActionIcon>
    </>
  );
}
