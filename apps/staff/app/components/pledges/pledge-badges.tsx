import type { PledgeStatus } from '@crm/contracts';
import { formatDate } from '@crm/i18n';
import { Badge } from '@mantine/core';
import { useLanguage, useT } from '../../utils/i18n';
import { pledgeStatusColor, pledgeStatusKey } from '../../utils/pledges';

export function PledgeStatusBadge({ status }: { status: PledgeStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={pledgeStatusColor[status]} data-testid="pledge-status" data-status={status}>
      {t(pledgeStatusKey(status))}
    </Badge>
  );
}

/** Overdue is a mark the daily job sets on open pledges past their due date (decision 111). */
export function OverdueBadge({ since, status }: { since: string | null; status: PledgeStatus }) {
  const t = useT();
  const lang = useLanguage();
  if (!since || (status !== 'pledged' && status !== 'in_progress')) return null;
  return (
    <Badge variant="filled" color="red" data-testid="pledge-overdue" title={t('pledges.overdueSince', { date: formatDate(lang, since) })}>
      {t('pledges.overdue')}
    </Badge>
  );
}
