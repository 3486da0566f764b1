import { canadianTimeZones, isTimeZone } from '@crm/contracts';
import { browserZoneCookieName } from './browser-zone';
import { zoneTable, type ZoneTable } from './zone-table';

/** The zone the `tz` cookie names, if it is one the runtime knows. */
export function readBrowserZoneCookie(cookieHeader: string | null): string | null {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = pair.trim().split('=');
    if (name !== browserZoneCookieName) continue;
    let zone: string;
    try {
      zone = decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
    return zone.length <= 64 && isTimeZone(zone) ? zone : null;
  }
  return null;
}

/** The server's rules for the zones pages show: Canada's, the browser's and the account's. */
export function pageZones(...zones: (string | null | undefined)[]): ZoneTable {
  return zoneTable([...canadianTimeZones, ...zones.filter((zone): zone is string => Boolean(zone))]);
}
