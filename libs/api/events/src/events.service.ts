import { Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@crm/authz';
import { CampaignMetrics, CampaignService } from '@crm/campaigns';
import { eventTransitions, type CreateEventInput, type EventFilter, type EventStatus, type SetEventStatusInput, type UpdateEventInput } from '@crm/contracts';
import { EngagementService, LadderSignals } from '@crm/engagement';
import { AuditSubjects } from '@crm/identity';
import { OrganizationsService } from '@crm/organizations';
import { BadUserInputException, NotFoundException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import { RecordRules, RecordWriter } from '@crm/records';
import { TimelineSubjects, type ActivityEntry } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { eventKind } from './event.kind';
import { EventRepository } from './event.repository';
import type { EventRow, EventValues } from './event.row';
import { instantOf, localOf } from './event-time';
import { EventMailer } from './mail/event-mailer';
import { RsvpRepository } from './rsvp.repository';
import { RsvpService } from './rsvp.service';

/** What the API serves of an event: its instants, and the same moments as wall-clock times in its own zone. */
export type EventView = EventRow & { startsAtLocal: string; endsAtLocal: string };

// Update fields that map one to one onto columns (times, hosts and the campaign are worked out apart).
const plainFields = [
  'titleEn',
  'titleFr',
  'descriptionEn',
  'descriptionFr',
  'kind',
  'organizationId',
  'provinceCode',
  'place',
  'onlineUrl',
  'capacity',
  'ownerId',
  'headCount',
] as const;

@Injectable()
export class EventsService implements OnModuleInit {
  constructor(
    private readonly events: EventRepository,
    private readonly organizations: OrganizationsService,
    private readonly rules: RecordRules,
    private readonly writer: RecordWriter,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly rsvps: RsvpService,
    private readonly rsvpFacts: RsvpRepository,
    private readonly signals: LadderSignals,
    private readonly engagement: EngagementService,
    private readonly campaigns: CampaignService,
    private readonly mailer: EventMailer,
    private readonly auditSubjects: AuditSubjects,
    private readonly metrics: CampaignMetrics,
  ) {}

  onModuleInit(): void {
    // Attending lifts a person to engaged; hosting a held event, to champion (the ladder's rules).
    this.signals.register('events', (manager, personIds) => this.rsvpFacts.ladderFacts(manager, personIds));
    this.timelineSubjects.register('Event', {
      ruleFields: (ctx, id) => this.events.ruleFieldsOf(ctx.ability, id),
      visibleIds: (ctx, ids) => this.events.visibleIds(ctx.ability, ids),
    });
    this.auditSubjects.register('Event', (ability, ids) => this.events.auditNames(ability, ids));
    this.metrics.register('eventsHeld', (manager, campaign, provinces) => this.events.countHeld(manager, campaign.id, provinces));
    this.metrics.register('attendance', (manager, campaign, provinces) => this.events.countAttendance(manager, campaign.id, provinces));
  }

  view(row: EventRow): EventView {
    return { ...row, startsAtLocal: localOf(row.startsAt, row.timeZone), endsAtLocal: localOf(row.endsAt, row.timeZone) };
  }

  async get(ctx: RequestContext, id: string): Promise<EventView> {
    const row = await this.events.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Event');
    return this.view(row);
  }

  /** The event if the caller may see it, in the caller's transaction (RSVPs lock it: `lock`). */
  async visible(manager: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<EventRow | null> {
    return this.events.findVisible(ctx.ability, id, manager, lock);
  }

  count(ctx: RequestContext, filter: EventFilter): Promise<number> {
    return this.events.count(ctx.ability, filter);
  }

  async list(ctx: RequestContext, filter: EventFilter, first: number, after: string | null | undefined) {
    const page = await this.events.list(ctx.ability, filter, first, after);
    return { ...page, rows: page.rows.map((row) => this.view(row)) };
  }

  hostsOf(ctx: RequestContext, eventIds: readonly string[]) {
    return this.events.hostsOf(ctx.ability, eventIds);
  }

  async create(ctx: RequestContext, input: CreateEventInput): Promise<EventView> {
    const createdById = ctx.actor?.id ?? null;
    const ownerId = input.ownerId !== undefined ? input.ownerId : ctx.actor?.role === 'COORDINATOR' ? ctx.actor.id : null;
    const organizationId = input.organizationId ?? null;
    if (!ctx.ability.can('create', subject('Event', { provinceCode: input.provinceCode, organizationId, ownerId, createdById }))) {
      // A member hosts only as their organization; a coordinator only in their regions.
      const field = ctx.actor?.role === 'MEMBER' ? 'organizationId' : 'provinceCode';
      throw new BadUserInputException([{ path: ['input', field], code: field === 'provinceCode' ? 'outsideRegions' : 'outsideEditable' }]);
    }
    return this.writer.transaction(async (manager) => {
      const campaignId = await this.campaigns.campaignFor(manager, input.campaignId);
      await this.rules.assertOwner(manager, ctx, ownerId);
      await this.assertHostsUsable(manager, ctx, organizationId, input.hostPersonIds);
      const values: EventValues = {
        campaignId,
        titleEn: input.titleEn,
        titleFr: input.titleFr ?? null,
        descriptionEn: input.descriptionEn ?? null,
        descriptionFr: input.descriptionFr ?? null,
        kind: input.kind,
        organizationId,
        provinceCode: input.provinceCode,
        timeZone: input.timeZone,
        startsAt: instantOf(input.startsAt, input.timeZone),
        endsAt: instantOf(input.endsAt, input.timeZone),
        place: input.place ?? null,
        onlineUrl: input.onlineUrl ?? null,
        capacity: input.capacity ?? null,
        ownerId,
      };
      const id = await this.events.insert(manager, { ...values, createdById });
      await this.events.replaceHosts(manager, id, input.hostPersonIds);
      const created = (await this.events.findVisible(ctx.ability, id, manager))!;
      await this.writer.created(manager, ctx, eventKind, created);
      return this.view(created);
    });
  }

  async update(ctx: RequestContext, input: UpdateEventInput): Promise<EventView> {
    const given = [...plainFields, 'campaignId', 'timeZone', 'startsAt', 'endsAt', 'hostPersonIds'].filter(
      (field) => input[field as keyof UpdateEventInput] !== undefined,
    );
    const after = await this.writer.update(ctx, eventKind, this.events, input, {
      given: given.map((field) => (field === 'hostPersonIds' ? 'hostLeaders' : field)),
      plan: async (before, manager) => {
        const values: EventValues = {};
        const set = <K extends keyof EventValues>(field: K, value: EventValues[K] | undefined) => {
          if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field])) values[field] = value;
        };
        for (const field of plainFields) set(field, input[field] as never);
        if (input.campaignId !== undefined) set('campaignId', await this.campaigns.campaignFor(manager, input.campaignId));
        if (input.timeZone !== undefined && input.startsAt !== undefined && input.endsAt !== undefined) {
          set('timeZone', input.timeZone);
          set('startsAt', instantOf(input.startsAt, input.timeZone));
          set('endsAt', instantOf(input.endsAt, input.timeZone));
        }
        if (values.ownerId !== undefined) await this.rules.assertOwner(manager, ctx, values.ownerId);
        const organizationId = values.organizationId !== undefined ? values.organizationId : before.organizationId;
        const nextHosts = input.hostPersonIds ? [...input.hostPersonIds].sort() : undefined;
        const hostsChanged = nextHosts !== undefined && JSON.stringify(nextHosts) !== JSON.stringify([...before.hostPersonIds].sort());
        await this.assertHostsUsable(
          manager,
          ctx,
          values.organizationId !== undefined ? organizationId : null,
          hostsChanged ? nextHosts.filter((id) => !before.hostPersonIds.includes(id)) : [],
        );
        if (!hostsChanged) return { values };
        return {
          values,
          also: {
            field: 'hostLeaders',
            apply: async (tx) => {
              await this.events.replaceHosts(tx, before.id, nextHosts);
              // Hosting a held event is a ladder fact: those who became or stopped being hosts move.
              if (before.status === 'held') await this.engagement.recompute(tx, ctx, [...before.hostPersonIds, ...nextHosts]);
              return hostEntries(before.id, before.hostPersonIds, nextHosts);
            },
          },
        };
      },
    });
    // More places (or none to count): the waitlist moves up, in its own transaction under the event's lock.
    if (input.capacity !== undefined) await this.rsvps.promoteWaitlist(ctx, after.id);
    return this.view(after);
  }

  /** planned → confirmed → held, or cancelled: any other move is BAD_USER_INPUT naming the allowed ones. */
  async setStatus(ctx: RequestContext, input: SetEventStatusInput): Promise<EventView> {
    const after = await this.writer.transaction(async (manager) => {
      const moved = await this.writer.update(
        ctx,
        eventKind,
        this.events,
        input,
        {
          given: ['status'],
          plan: async (before) => {
            assertTransition(before.status, input.status);
            return { values: { status: input.status } };
          },
        },
        manager,
      );
      // Held: its hosts hosted it; cancelled: its arrivals no longer count. Their stages follow, in this transaction.
      if (moved.status === 'held' || moved.status === 'cancelled') {
        await this.engagement.recompute(manager, ctx, [...moved.hostPersonIds, ...(await this.rsvpFacts.attendeeIds(manager, moved.id))]);
      }
      // Guests who may be mailed hear of a cancellation, in the same transaction (decision 117).
      if (moved.status === 'cancelled') await this.mailer.cancelled(manager, moved);
      return moved;
    });
    return this.view(after);
  }

  /** A new host organization must be one the caller may see and active; new host leaders, people the caller may see. */
  private async assertHostsUsable(manager: EntityManager, ctx: RequestContext, organizationId: string | null, personIds: string[]): Promise<void> {
    const problems: FieldProblemInput[] = [];
    if (organizationId && !(await this.organizations.visibleActiveIds(manager, ctx, [organizationId])).has(organizationId)) {
      problems.push({ path: ['input', 'organizationId'], code: 'organizationUnknown' });
    }
    const visible = await this.events.visiblePeople(manager, ctx.ability, personIds);
    personIds.forEach((id, index) => {
      if (!visible.has(id)) problems.push({ path: ['input', 'hostPersonIds', index], code: 'personUnknown' });
    });
    if (problems.length) throw new BadUserInputException(problems);
  }
}

export function assertTransition(from: EventStatus, to: EventStatus): void {
  const allowed = eventTransitions[from];
  if (!allowed.includes(to)) {
    throw new BadUserInputException(
      [{ path: ['input', 'status'], code: 'transitionNotAllowed', params: { from, allowed: allowed.join(', ') || '—' } }],
      `An event that is ${from} can become ${allowed.join(' or ') || 'nothing else'}`,
    );
  }
}

/** Timeline entries on the people who became or stopped being hosts. */
function hostEntries(eventId: string, before: string[], after: string[]): ActivityEntry[] {
  const entry = (personId: string, kind: string): ActivityEntry => ({
    subjectType: 'Person',
    subjectId: personId,
    kind,
    recordType: 'Event',
    recordId: eventId,
    summary: { eventId },
  });
  return [
    ...after.filter((id) => !before.includes(id)).map((id) => entry(id, 'event.hostAdded')),
    ...before.filter((id) => !after.includes(id)).map((id) => entry(id, 'event.hostRemoved')),
  ];
}
