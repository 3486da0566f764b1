import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { browserTimeZone, dayIn, timeIn, zoneCity, zonesDiffer } from '../../utils/events';
import { useLanguage, useT } from '../../utils/i18n';
import { useRootData } from '../../utils/root-data';

/**
 * The viewer's own zone: the one their browser named last time (its `tz` cookie, so the
 * server draws the same page), then the browser's own once the page runs there (a change
 * only when it moved, or on the very first page).
 */
export function useViewerTimeZone(): string | null {
  const saved = useRootData()?.browserZone ?? null;
  const [zone, setZone] = useState<string | null>(saved);
  useEffect(() => setZone(browserTimeZone()), []);
  return zone;
}

/**
 * When an event happens, at its own place: "Sat., Apr. 4, 2026 · 19:00–21:00 Halifax",
 * then the viewer's time where their zone shows it differently ("18:00 your time").
 */
export function EventTime({
  event,
  withDay = true,
  size = 'sm',
}: {
  event: { startsAt: string; endsAt?: string; timeZone: string };
  withDay?: boolean;
  size?: 'xs' | 'sm' | 'md';
}) {
  const t = useT();
  const lang = useLanguage();
  const viewerZone = useViewerTimeZone();
  const start = timeIn(lang, event.startsAt, event.timeZone);
  const end = event.endsAt ? `–${timeIn(lang, event.endsAt, event.timeZone)}` : '';
  const yours = viewerZone && zonesDiffer(event.startsAt, event.timeZone, viewerZone) ? timeIn(lang, event.startsAt, viewerZone) : null;
  return (
    <Text component="span" size={size} data-testid="event-time">
      <time dateTime={event.startsAt}>
        {withDay ? `${dayIn(lang, event.startsAt, event.timeZone)} · ` : ''}
        {start}
        {end} {zoneCity(event.timeZone)}
      </time>
      {yours ? (
        <Text span size={size} c="dimmed" data-testid="event-viewer-time">
          {' '}
          ({t('event.yourTime', { time: yours })})
        </Text>
      ) : null}
    </Text>
  );
}
