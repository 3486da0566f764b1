import type { PlainMessageKey } from '@crm/i18n';
import type { TimelineFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Card, Group, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import { Link, useLocation } from '@remix-run/react';
import { DateTime } from '../date-time';
import { isPlainMessageKey } from '../../utils/messages';
import { actorLabel } from '../../utils/timeline-actor';
import { useT } from '../../utils/i18n';

// Each kind with a catalogue entry `timeline.<kind>` has its own title (modules add theirs); others read "Activity".

// The summary carries changed field names, never values (the API masks them).
function changedFields(summary: unknown): string[] {
  if (!summary || typeof summary !== 'object') return [];
  const fields = (summary as { fields?: unknown; changed?: unknown }).fields ?? (summary as { changed?: unknown }).changed;
  return Array.isArray(fields) ? fields.filter((field): field is string => typeof field === 'string') : [];
}

// "city" → "City": the record forms' labels, else the raw name.
function fieldLabel(t: ReturnType<typeof useT>, field: string): string {
  const key = [`person.${field}`, `organization.${field}`, `story.${field}`, `pledge.${field}`, `records.${field}`].find(isPlainMessageKey);
  return key ? t(key as PlainMessageKey) : field;
}

/**
 * What happened to a record, newest first, a page at a time: "Show older" is a plain
 * link to `?timelineAfter=<cursor>` (the page's loader reads it), so it works before
 * JavaScript and the browser's back button returns to the newer entries.
 */
export function RecordTimeline({
  entries,
  pageInfo,
  paged = false,
}: {
  entries: TimelineFieldsFragment[];
  pageInfo?: { endCursor: string | null; hasNextPage: boolean };
  /** Showing an older page (a link back to the newest entries is offered). */
  paged?: boolean;
}) {
  const t = useT();
  const { pathname } = useLocation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="md">
        {t('records.timeline')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('records.timeline.empty')}
        </Text>
      ) : (
        <MantineTimeline bulletSize={12} lineWidth={2} data-testid="timeline">
          {entries.map((entry) => {
            const fields = changedFields(entry.summary);
            return (
              <MantineTimeline.Item
                key={entry.id}
                title={t((isPlainMessageKey(`timeline.${entry.kind}`) ? `timeline.${entry.kind}` : 'timeline.other') as PlainMessageKey)}
                data-testid="timeline-entry"
                data-kind={entry.kind}
              >
                <Text size="xs" c="dimmed">
                  <DateTime value={entry.at} /> · {actorLabel(t, entry)}
                </Text>
                {fields.length ? (
                  <Text size="sm" data-testid="timeline-fields">
                    {t('records.timeline.fields', { fields: fields.map((field) => fieldLabel(t, field)).join(', ') })}
                  </Text>
                ) : null}
              </MantineTimeline.Item>
            );
          })}
        </MantineTimeline>
      )}
      {paged || (pageInfo?.hasNextPage && pageInfo.endCursor) ? (
        <Group justify="space-between" mt="md">
          {paged ? (
            <Anchor component={Link} to={pathname} preventScrollReset size="sm" data-testid="timeline-newest">
              {t('records.timeline.newest')}
            </Anchor>
          ) : (
            <span />
          )}
          {pageInfo?.hasNextPage && pageInfo.endCursor ? (
            <Anchor
              component={Link}
              to={`${pathname}?${new URLSearchParams({ timelineAfter: pageInfo.endCursor })}`}
              preventScrollReset
              size="sm"
              data-testid="timeline-older"
            >
              {t('records.timeline.older')}
            </Anchor>
          ) : null}
        </Group>
      ) : null}
    </Card>
  );
}
