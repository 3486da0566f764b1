import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ActionForm } from '../action-form';
import { useT } from '../../utils/i18n';

/** Archive or restore, after a confirmation; posts `intent` with the version read with the page. */
export function ArchiveControl({ name, archived, version }: { name: string; archived: boolean; version: number }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const intent = archived ? 'restore' : 'archive';
  return (
    <>
      <Button variant="outline" color={archived ? 'teal' : 'red'} onClick={open} data-testid={intent}>
        {t(archived ? 'records.restore' : 'records.archive')}
      </Button>
      <Modal opened={opened} onClose={close} title={t(archived ? 'records.restore.title' : 'records.archive.title')} centered>
        <Stack gap="md">
          <Text size="sm">{t(archived ? 'records.restore.body' : 'records.archive.body', { name })}</Text>
          <ActionForm onSubmit={close}>
            <input type="hidden" name="intent" value={intent} />
            <input type="hidden" name="version" value={version} />
            <Group justify="flex-end">
              <Button type="submit" color={archived ? 'teal' : 'red'} data-testid={`confirm-${intent}`}>
                {t(archived ? 'records.restore' : 'records.archive')}
              </Button>
              <Button variant="subtle" onClick={close}>
                {t('form.cancel')}
              </Button>
            </Group>
          </ActionForm>
        </Stack>
      </Modal>
    </>
  );
}
