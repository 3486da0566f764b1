import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { Link } from '@remix-run/react';
import { confirmDuplicatesField } from '../../utils/duplicates';
import { useT } from '../../utils/i18n';

export type LikelyDuplicate = { id: string; name: string; detail: string; href: string };

/**
 * Before a new record is saved: the records already there that may be the same
 * (decision 032), each a link to open it, and "Save anyway", which posts the same
 * form again saying the user has seen them. A plain submit: it works before JavaScript.
 */
export function DuplicateWarning({ duplicates }: { duplicates: readonly LikelyDuplicate[] }) {
  const t = useT();
  if (!duplicates.length) return null;
  return (
    <Alert color="yellow" variant="light" title={t('duplicates.title')} data-testid="duplicate-warning">
      <Stack gap="sm">
        <Text size="sm">{t('duplicates.body')}</Text>
        <List size="sm" spacing={4}>
          {duplicates.map((duplicate) => (
            <List.Item key={duplicate.id}>
              <Anchor component={Link} to={duplicate.href} data-testid="duplicate-link">
                {duplicate.name}
              </Anchor>
              {duplicate.detail ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {duplicate.detail}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        <div>
          <Button type="submit" name={confirmDuplicatesField} value="1" variant="outline" color="dark" data-testid="save-anyway">
            {t('duplicates.saveAnyway')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
