import { DateTime, IANAZone } from 'luxon';

const hour = 3_600_000;
const minute = 60_000;

/** An offset in minutes as iCalendar writes it: -0330, +0000. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** A local date-time as iCalendar writes it (no zone): 20260308T020000. */
function localText(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * minute, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");
}

/**
 * The VTIMEZONE of an IANA zone for the years `from`–`to`, read from the runtime's
 * time zone database (luxon): one observance per change of offset in those years, each
 * starting at the local time the change happens (no RRULE: exact for the years covered,
 * whatever rule the zone followed). Calendar apps then show the event at its own zone's
 * time even where they do not know the zone's name.
 */
export function vtimezone(zone: string, years: { from: number; to: number }): string | null {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) return null;
  const start = Date.UTC(years.from, 0, 1);
  const end = Date.UTC(years.to + 1, 0, 1);
  const kind = (ms: number) => (DateTime.fromMillis(ms, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD');
  const first = tz.offset(start);
  const observances = [observance(kind(start), localText(start, first), first, first)];
  let before = first;
  for (let t = start; t < end; t += hour) {
    const after = tz.offset(t + hour);
    if (after === before) continue;
    // The change happened within this hour: find its minute.
    let lo = t;
    let hi = t + hour;
    while (hi - lo > minute) {
      const mid = lo + Math.floor((hi - lo) / 2 / minute) * minute;
      if (tz.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    observances.push(observance(kind(hi), localText(hi, before), before, after));
    before = after;
  }
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observances.flat(), 'END:VTIMEZONE', ''].join('\r\n');
}

function observance(kind: 'DAYLIGHT' | 'STANDARD', start: string, from: number, to: number): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`];
}
