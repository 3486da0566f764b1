import { Avatar, Button, Menu, Text, UnstyledButton, Group, Stack, VisuallyHidden } from '@mantine/core';
import { Link } from '@remix-run/react';
import { useT } from '../utils/i18n';
import type { Viewer } from '../utils/viewer';
import { ActionForm } from './action-form';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

// Who is signed in, with "My account" and "Sign out" (a POST form: signing out
// changes state, so it is never a link a third-party page could trigger).
export function UserMenu({ viewer }: { viewer: Viewer }) {
  const t = useT();
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        {/* Named by what it shows (WCAG 2.5.3): the name and role; on a phone, where only initials show, the name unseen. */}
        <UnstyledButton title={t('userMenu.open')} data-testid="user-menu" px={6} py={4} style={{ borderRadius: 6 }}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" variant="filled" radius="xl" size={32} aria-hidden>
              {initials(viewer.name)}
            </Avatar>
            <VisuallyHidden hiddenFrom="sm">{viewer.name}</VisuallyHidden>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2} data-testid="user-name">
                {viewer.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} data-testid="user-role">
                {t(`role.${viewer.role}`)}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{viewer.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" data-testid="menu-account">
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Divider />
        <ActionForm action="/sign-out">
          <Menu.Item component="button" type="submit" color="red" data-testid="sign-out">
            {t('userMenu.signOut')}
          </Menu.Item>
        </ActionForm>
      </Menu.Dropdown>
    </Menu>
  );
}

// For pages that must offer signing out without the menu (no JavaScript yet).
export function SignOutButton() {
  const t = useT();
  return (
    <ActionForm action="/sign-out">
      <Button type="submit" variant="default" data-testid="sign-out-button">
        {t('userMenu.signOut')}
      </Button>
    </ActionForm>
  );
}
