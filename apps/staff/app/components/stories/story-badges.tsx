import type { ConsentLevel, StoryStatus } from '@crm/contracts';
import { Badge } from '@mantine/core';
import { useT } from '../../utils/i18n';
import { consentLevelKey, storyStatusColor, storyStatusKey } from '../../utils/stories';

export function StoryStatusBadge({ status }: { status: StoryStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={storyStatusColor[status]} data-testid="story-status">
      {t(storyStatusKey(status))}
    </Badge>
  );
}

export function ConsentBadge({ level }: { level: ConsentLevel }) {
  const t = useT();
  return (
    <Badge variant="outline" color={level === 'internal' ? 'gray' : 'indigo'} data-testid="story-consent">
      {t(consentLevelKey(level))}
    </Badge>
  );
}

export function WithdrawnBadge({ erased }: { erased: boolean }) {
  const t = useT();
  return (
    <Badge variant="filled" color="red" data-testid="story-withdrawn">
      {t(erased ? 'timeline.story.erased' : 'timeline.story.withdrawn')}
    </Badge>
  );
}
