import { Badge } from '@mantine/core';
import { stageColor, stageKey } from '../../utils/records';
import { useT } from '../../utils/i18n';

export function StageBadge({ stage }: { stage: string }) {
  const t = useT();
  return (
    <Badge color={stageColor[stage] ?? 'gray'} variant="light" data-testid="stage-badge" data-stage={stage}>
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
