import type { PlainMessageKey, Translate } from '@crm/i18n';
import { Alert, Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { ApiHealth } from '../utils/api-health';
import { useT } from '../utils/i18n';

const componentLabels = new Map<string, PlainMessageKey>([
  ['database', 'health.component.database'],
  ['redis', 'health.component.redis'],
  ['jobs', 'health.component.jobs'],
]);

function componentLabel(t: Translate, name: string): string {
  const key = componentLabels.get(name);
  return key ? t(key) : t('health.component.unknown', { name });
}

export function ApiHealthPanel({ health }: { health: ApiHealth }) {
  const t = useT();

  return (
    <Card withBorder padding="xl" component="section" aria-labelledby="api-health-title" data-testid="api-health">
      <Stack gap="sm">
        <Title order={2} size="h4" id="api-health-title">
          {t('health.title')}
        </Title>

        {health.reachable ? (
          <>
            <Text size="sm" fw={600} c={health.ok ? 'teal.9' : 'red.9'} data-testid="api-health-status">
              {t(health.ok ? 'health.status.ok' : 'health.status.error')}
            </Text>
            <Divider />
            <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {health.components.map((component) => (
                <Group
                  key={component.name}
                  component="li"
                  justify="space-between"
                  wrap="nowrap"
                  gap="sm"
                  data-component={component.name}
                  data-status={component.up ? 'up' : 'down'}
                >
                  <Text size="sm">{componentLabel(t, component.name)}</Text>
                  <Badge color={component.up ? 'teal' : 'red'} variant="light" tt="none" style={{ flexShrink: 0 }}>
                    {t(component.up ? 'health.up' : 'health.down')}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </>
        ) : (
          <Alert color="red" variant="light" data-testid="api-unreachable">
            {t('health.unreachable')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
