import { subject } from '@crm/authz';
import { pledgeLimits, pledgeTransitions, type PledgeStatus } from '@crm/contracts';
import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigation } from '@remix-run/react';
import { ActionForm } from '../action-form';
import { useT } from '../../utils/i18n';
import { pledgeMoveKey, pledgeRecord } from '../../utils/pledges';
import { useAbility } from '../../utils/root-data';

type Pledge = {
  id: string;
  status: PledgeStatus;
  version: number;
  evidence: string | null;
  provinceCode: string;
  ownerId: string | null;
  createdById: string | null;
  organizationId: string | null;
};

/**
 * A pledge's next steps, only those its lifecycle allows from where it stands (pledged →
 * in progress → fulfilled, or lapsed) and only for whoever may update it. Fulfilling
 * takes its evidence (text or a link) with it. Each posts the version read with the page.
 */
export function PledgeMoves({ pledge }: { pledge: Pledge }) {
  const t = useT();
  const ability = useAbility();
  const navigation = useNavigation();
  const moves = pledgeTransitions[pledge.status];
  if (moves.length === 0 || !ability.can('update', subject('Pledge', pledgeRecord(pledge)))) return null;
  const busy = navigation.state === 'submitting';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pledge-moves-title" data-testid="pledge-moves">
      <Stack gap="md">
        <Title order={2} size="h4" id="pledge-moves-title">
          {t('pledge.moves.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pledge.moves.hint')}
        </Text>
        <Group gap="sm" wrap="wrap" align="flex-end">
          {moves
            .filter((to) => to !== 'fulfilled')
            .map((to) => (
              <ActionForm key={to}>
                <input type="hidden" name="status" value={to} />
                <input type="hidden" name="version" value={pledge.version} />
                <Button type="submit" variant={to === 'lapsed' ? 'default' : 'filled'} disabled={busy} data-testid={`move-${to}`}>
                  {t(pledgeMoveKey(to))}
                </Button>
              </ActionForm>
            ))}
        </Group>
        {moves.includes('fulfilled') ? (
          <ActionForm data-testid="fulfil-form">
            <input type="hidden" name="status" value="fulfilled" />
            <input type="hidden" name="version" value={pledge.version} />
            <Stack gap="sm">
              <Textarea
                name="evidence"
                label={t('pledge.evidence')}
                description={t('pledge.evidence.hint')}
                defaultValue={pledge.evidence ?? ''}
                maxLength={pledgeLimits.evidence}
                autosize
                minRows={2}
                data-testid="evidence"
              />
              <Group>
                <Button type="submit" color="teal" disabled={busy} data-testid="move-fulfilled">
                  {t(pledgeMoveKey('fulfilled'))}
                </Button>
              </Group>
            </Stack>
          </ActionForm>
        ) : null}
      </Stack>
    </Card>
  );
}
