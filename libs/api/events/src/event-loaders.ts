import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EventRepository, hostOrganizations, type EventPersonRow } from './event.repository';
import { RsvpRepository, type RsvpCounts, type RsvpRow } from './rsvp.repository';

type Loaders = {
  hosts: DataLoader<string, EventPersonRow[]>;
  organization: DataLoader<string, { id: string; nameEn: string; nameFr: string } | null>;
  rsvps: DataLoader<string, RsvpRow[]>;
  counts: DataLoader<string, RsvpCounts>;
};

/** Per-request batching of an event's nested fields: a page of events costs one statement per field, not one per event. */
@Injectable()
export class EventLoaders {
  private readonly perRequest = new WeakMap<RequestContext, Loaders>();

  constructor(
    private readonly events: EventRepository,
    private readonly rsvps: RsvpRepository,
    private readonly dataSource: DataSource,
  ) {}

  for(ctx: RequestContext): Loaders {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = {
        hosts: new DataLoader(async (ids) => group(await this.events.hostsOf(ctx.ability, ids), ids, (row) => row.eventId)),
        organization: new DataLoader(async (ids) => {
          const found = new Map((await hostOrganizations(this.dataSource, ctx.ability, ids)).map((row) => [row.id, row]));
          return ids.map((id) => found.get(id) ?? null);
        }),
        rsvps: new DataLoader(async (ids) => group(await this.rsvps.listOf(ctx.ability, ids), ids, (row) => row.eventId)),
        counts: new DataLoader(async (ids) => {
          const found = new Map((await this.rsvps.countsOf(ids)).map((row) => [row.eventId, row]));
          return ids.map((id) => found.get(id)!);
        }),
      };
      this.perRequest.set(ctx, loaders);
    }
    return loaders;
  }
}

function group<T>(rows: T[], ids: readonly string[], key: (row: T) => string): T[][] {
  const byId = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(key(row))?.push(row);
  return ids.map((id) => byId.get(id) ?? []);
}
