import { Badge } from '@mantine/core';
import { stageColor, stageKey } from '../../utils/records';
import { useT } from '../../utils/i18n';

// A stage is read at a glance: its badge never shrinks to "COMMITT…"; the text beside it wraps instead.
const wholeLabel = { root: { flexShrink: 0, maxWidth: 'none' }, label: { overflow: 'visible' } } as const;

export function StageBadge({ stage }: { stage: string }) {
  const t = useT();
  return (
    <Badge color={stageColor[stage] ?? 'gray'} variant="light" styles={wholeLabel} data-testid="stage-badge" data-stage={stage}>
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
