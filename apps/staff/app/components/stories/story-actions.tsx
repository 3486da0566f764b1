import { canReadField, subject } from '@crm/authz';
import { publicConsentLevels, storyTransitions, type ConsentLevel, type StoryStatus } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from '@remix-run/react';
import { ActionForm } from '../action-form';
import { useT } from '../../utils/i18n';
import { useAbility } from '../../utils/root-data';
import { storyRecord } from '../../utils/stories';

type Story = {
  id: string;
  title: string | null;
  status: StoryStatus;
  version: number;
  provinceCode: string;
  ownerId: string | null;
  createdById: string | null;
  consentLevel: ConsentLevel;
  withdrawn: boolean;
  erasedAt: string | null;
};

const reviewLabel = (from: StoryStatus, to: StoryStatus): PlainMessageKey =>
  to === 'approved' && from === 'published' ? 'story.review.unpublish' : (`story.review.${to}` as PlainMessageKey);

/**
 * A story page's actions, each when the shared ability allows it on this story and its
 * state permits: edit (drafts), the review's next steps, withdraw consent, erase
 * (both after a confirmation). Each posts `intent` with the version read with the page.
 */
export function StoryActions({ story }: { story: Story }) {
  const t = useT();
  const ability = useAbility();
  const record = subject('Story', storyRecord(story));
  if (story.withdrawn) {
    return !story.erasedAt && ability.can('archive', record) ? <ConfirmAction story={story} intent="erase" /> : null;
  }
  const canReview = ability.can('update', record) && canReadField(ability, 'update', 'Story', 'status', storyRecord(story));
  const steps = storyTransitions[story.status].filter((to) => to !== 'published' || publicConsentLevels.includes(story.consentLevel));
  return (
    <>
      {ability.can('update', record) && story.status === 'draft' ? (
        <Button component={Link} to={`/stories/${story.id}/edit`} data-testid="edit-story">
          {t('records.edit')}
        </Button>
      ) : null}
      {canReview
        ? steps.map((to) => (
            <ActionForm key={to}>
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="status" value={to} />
              <input type="hidden" name="version" value={story.version} />
              <Button type="submit" variant={to === 'draft' || story.status === 'published' ? 'default' : 'filled'} color="teal" data-testid={`review-${to}`}>
                {t(reviewLabel(story.status, to))}
              </Button>
            </ActionForm>
          ))
        : null}
      {ability.can('update', record) ? <ConfirmAction story={story} intent="withdraw" /> : null}
      {ability.can('archive', record) ? <ConfirmAction story={story} intent="erase" /> : null}
    </>
  );
}

function ConfirmAction({ story, intent }: { story: Story; intent: 'withdraw' | 'erase' }) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  const title = story.title ?? '';
  return (
    <>
      <Button variant="outline" color="red" onClick={open} data-testid={intent}>
        {t(`story.${intent}`)}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`story.${intent}.title`)} centered>
        <Stack gap="md">
          <Text size="sm">{t(`story.${intent}.body`, { title })}</Text>
          <ActionForm onSubmit={close}>
            <input type="hidden" name="intent" value={intent} />
            <input type="hidden" name="version" value={story.version} />
            <Group justify="flex-end">
              <Button type="submit" color="red" data-testid={`confirm-${intent}`}>
                {t(`story.${intent}`)}
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
