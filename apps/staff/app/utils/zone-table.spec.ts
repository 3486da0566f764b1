import { canadianTimeZones } from '@crm/contracts';
import { readBrowserZoneCookie } from './browser-zone.server';
import { runtimeOffset, setServerZones, tableOffset, wallClock, zoneTable } from './zone-table';

const hour = 3_600_000;
const now = Date.parse('2026-12-02T12:00:00Z');

describe('zoneTable', () => {
  const table = zoneTable(canadianTimeZones, now);

  it("gives each Canadian zone's offset as the runtime does, every eleven hours from two years back to three ahead", () => {
    for (const zone of canadianTimeZones) {
      for (let at = table.from; at <= table.to; at += 11 * hour) {
        expect([zone, at, tableOffset(zone, at, table)]).toEqual([zone, at, runtimeOffset(zone, at)]);
      }
    }
  });

  it('finds a change to the minute (Toronto springs forward at 07:00 UTC on 14 March 2027)', () => {
    expect(tableOffset('America/Toronto', Date.parse('2027-03-14T06:59:00Z'), table)).toBe(-300);
    expect(tableOffset('America/Toronto', Date.parse('2027-03-14T07:00:00Z'), table)).toBe(-240);
    expect(tableOffset('America/St_Johns', Date.parse('2027-01-10T12:00:00Z'), table)).toBe(-210);
  });

  it('knows nothing outside its years or of zones it was not asked for', () => {
    expect(tableOffset('America/Toronto', table.from - 1, table)).toBeNull();
    expect(tableOffset('America/Toronto', table.to + 1, table)).toBeNull();
    expect(tableOffset('Europe/Paris', now, table)).toBeNull();
    expect(zoneTable(['Not/AZone'], now).zones).toEqual({});
  });
});

describe('wallClock in the browser', () => {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = {};
  });
  afterAll(() => {
    delete (globalThis as { document?: unknown }).document;
    setServerZones({ from: 0, to: 0, zones: {} });
  });

  it("reads the server's rules, not its own zone database (one that kept Vancouver on UTC−7)", () => {
    const at = Date.parse('2027-01-01T18:00:00Z');
    setServerZones({ from: at - hour, to: at + hour, zones: { 'America/Vancouver': [[at - hour, -420]] } });
    expect(wallClock('en-CA', '2027-01-01T18:00:00Z', 'America/Vancouver', options)).toBe('11:00');
    expect(wallClock('fr-CA', '2027-01-01T18:00:00Z', 'America/Vancouver', { weekday: 'short', day: 'numeric', month: 'short' })).toBe('ven. 1 janv.');
  });

  it("falls back to the runtime's rules outside the table", () => {
    setServerZones({ from: 0, to: 0, zones: {} });
    expect(wallClock('en-CA', '2027-01-01T18:00:00Z', 'America/Halifax', options)).toBe('14:00');
  });
});

describe('readBrowserZoneCookie', () => {
  it('takes a zone the runtime knows, and nothing else', () => {
    expect(readBrowserZoneCookie('lang=fr; tz=America%2FHalifax')).toBe('America/Halifax');
    expect(readBrowserZoneCookie('tz=America/St_Johns')).toBe('America/St_Johns');
    expect(readBrowserZoneCookie('tz=Mars%2FOlympus')).toBeNull();
    expect(readBrowserZoneCookie('tz=%E0%A4%A')).toBeNull();
    expect(readBrowserZoneCookie(null)).toBeNull();
  });
});
