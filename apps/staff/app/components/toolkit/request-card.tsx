import { subject } from '@crm/authz';
import type { ToolkitStep } from '@crm/contracts';
import type { ToolkitRequestCardFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@remix-run/react';
import { ActionForm } from '../action-form';
import { DateTime } from '../date-time';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import { useAbility } from '../../utils/root-data';
import { itemTitle, oneClickSteps, stepField, toolkitRequestRecord, toolkitStepKey } from '../../utils/toolkit';

/** The steps of a request the viewer may take (its status allows them and the shared ability too). */
export function useAllowedSteps(request: ToolkitRequestCardFieldsFragment): ToolkitStep[] {
  const ability = useAbility();
  const record = subject('ToolkitRequest', toolkitRequestRecord(request));
  return request.allowedSteps.filter((step) => ability.can('update', record, stepField(step)));
}

/**
 * One request on the board: its reference (a link to its page), who asked, where it goes,
 * what it holds, and a button for each next step; assigning and declining open its page.
 */
export function RequestCard({ request }: { request: ToolkitRequestCardFieldsFragment }) {
  const t = useT();
  const lang = useLanguage();
  const steps = useAllowedSteps(request);
  const who = request.organization ? organizationName(lang, request.organization) : (request.requesterOrganization ?? request.requesterName);
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={`request-${request.id}`} data-testid="toolkit-card" data-id={request.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/toolkit/requests/${request.id}`} fw={700} size="sm" id={`request-${request.id}`} data-testid="toolkit-card-link">
            {request.reference}
          </Anchor>
          <Text size="xs" c="dimmed">
            <DateTime value={request.statusChangedAt} />
          </Text>
        </Group>
        {who ? (
          <Text size="sm" fw={500} lineClamp={2}>
            {who}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {[request.city, request.provinceCode].filter(Boolean).join(', ')} · {t(`languageName.${request.language}`)}
        </Text>
        <Text size="xs">{request.lines.map((line) => `${line.quantity} × ${itemTitle(lang, line.item)}`).join(' · ')}</Text>
        {request.assigneeOrganization ? (
          <Text size="xs" c="dimmed">
            {t('toolkit.card.deliveredBy', { name: organizationName(lang, request.assigneeOrganization) })}
          </Text>
        ) : null}
        {steps.length ? (
          <Group gap={6} mt={4}>
            {steps.map((step) =>
              oneClickSteps.includes(step) ? (
                <ActionForm key={step}>
                  <input type="hidden" name="id" value={request.id} />
                  <input type="hidden" name="version" value={request.version} />
                  <input type="hidden" name="step" value={step} />
                  <Button type="submit" size="compact-xs" variant={step === 'decline' ? 'default' : 'light'} data-testid={`card-${step}`}>
                    {t(toolkitStepKey(step))}
                  </Button>
                </ActionForm>
              ) : (
                <Button
                  key={step}
                  component={Link}
                  to={`/toolkit/requests/${request.id}#${step}`}
                  size="compact-xs"
                  variant="default"
                  data-testid={`card-${step}`}
                >
                  {t(toolkitStepKey(step))}
                </Button>
              ),
            )}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
