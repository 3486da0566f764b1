import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { browserTimeZone, dayIn, timeIn, zoneCity, zonesDiffer } from '../../utils/events';
import { useLanguage, useT } from '../../utils/i18n';

/** The viewer's own zone, known once the page runs in their browser (the server's render has none: no hydration mismatch). */
export function useViewerTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
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
