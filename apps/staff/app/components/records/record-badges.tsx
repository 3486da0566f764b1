import { Badge } from '@mantine/core';
import { stageColor, stageKey } from '../../utils/records';
import { useT } from '../../utils/i18n';

export function StageBadge({ stage }: { stage: string }) {
  const t = useT();
  return (
    // Never narrower than its words: a squeezed column or row must not cut the stage to "Comm…".
    <Badge color={stageColor[stage] ?? 'gray'} variant="light" miw="max-content" style={{ flexShrink: 0 }} data-testid="stage-badge" data-stage={stage}>
      {t(stageKey(stage))}
    </Badge>
  );
}

export function ArchivedBadge() {
  const t = useT();
  return (
    <Badge color="gray" variant="outline" data-testid="archived-badge">
      {t('records.archived')}
    </Badge>
  );
}
