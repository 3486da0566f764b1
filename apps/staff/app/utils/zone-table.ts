// The server's time zone rules, handed to the browser so that both draw the same wall-clock times.
//
// Node's and Chromium's zone databases are not the same release: Chromium 156's says
// Vancouver, Edmonton and Winnipeg stay on summer time from November 2026, Node's (tz
// 2025c) that they fall back. The API turned the event's wall-clock time into an instant
// with Node's rules, so those are the ones to show it back with; and a browser that read
// "18:00 Vancouver" where the server wrote "17:00" threw the server's page away on
// hydration (React #418) and drew it again. The root loader sends, for the zones pages
// show, each offset change over the years around today (`zoneTable`); `wallClock` then
// reads an instant's offset from that table on either side, and formats in UTC.

/** Per zone: [from this instant (ms), offset in minutes] pairs, oldest first, for instants from `from` to `to` (ms). */
export type ZoneTable = { from: number; to: number; zones: Record<string, [number, number][]> };

const minute = 60_000;
const day = 24 * 60 * minute;
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at `at` (minutes, whole), by this runtime's zone database. */
export function runtimeOffset(timeZone: string, at: number): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    hourFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((local - Math.floor(at / minute) * minute) / minute);
}

/** Each change of `timeZone`'s offset between `from` and `to` (ms), found day by day, then to the minute. */
function changes(timeZone: string, from: number, to: number): [number, number][] {
  const table: [number, number][] = [[from, runtimeOffset(timeZone, from)]];
  for (let at = from + day; at <= to; at += day) {
    const offset = runtimeOffset(timeZone, at);
    if (offset === table[table.length - 1][1]) continue;
    let [low, high] = [at - day, at];
    while (high - low > minute) {
      const middle = low + Math.floor((high - low) / 2 / minute) * minute;
      if (runtimeOffset(timeZone, middle) === offset) high = middle;
      else low = middle;
    }
    table.push([high, offset]);
  }
  return table;
}

const cache = new Map<string, [number, number][]>();

/**
 * The offsets of `zones` from two years before `now` to three after, by this runtime's
 * (the server's) zone database; zones it does not know are left out. Each zone's is kept for the day.
 */
export function zoneTable(zones: readonly string[], now = Date.now()): ZoneTable {
  const today = Math.floor(now / day) * day;
  const table: ZoneTable = { from: today - 2 * 366 * day, to: today + 3 * 366 * day, zones: {} };
  for (const zone of new Set(zones)) {
    const key = `${today}:${zone}`;
    let entries = cache.get(key);
    if (!entries) {
      try {
        entries = changes(zone, table.from, table.to);
      } catch {
        continue; // Not a zone this runtime knows: the browser's own rules serve it.
      }
      if (cache.size > 200) cache.clear();
      cache.set(key, entries);
    }
    table.zones[zone] = entries;
  }
  return table;
}

let shared: ZoneTable = { from: 0, to: 0, zones: {} };

/** The table the pages format with (the root sets it from its loader, on both sides, before its children render). */
export function setServerZones(table: ZoneTable | undefined): void {
  if (table) shared = table;
}

/** The offset (minutes) of `timeZone` at `at` by the server's table, or null outside it. */
export function tableOffset(timeZone: string, at: number, table: ZoneTable = shared): number | null {
  const entries = table.zones[timeZone];
  if (!entries || at < table.from || at > table.to) return null;
  let offset = entries[0][1];
  for (const [from, value] of entries) {
    if (from > at) break;
    offset = value;
  }
  return offset;
}

/**
 * `options` formatted for `iso` in `timeZone` as the server's rules have it: in the browser, the instant
 * moved by the table's offset and formatted in UTC (no zone database involved); a zone
 * or time outside the table falls back to the runtime's own rules.
 */
export function wallClock(locale: string, iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const at = new Date(iso).getTime();
  // On the server the runtime's rules are the table's (and requests share this module).
  const offset = typeof document === 'undefined' ? null : tableOffset(timeZone, at);
  if (offset === null) return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(at));
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(at + offset * minute));
}
