import { Injectable } from '@nestjs/common';
import { Id, type Language } from '@crm/contracts';
import { ActorContextService, hashToken, newSecretToken } from '@crm/identity';
import { BadUserInputException, NotFoundException, parseInput, type RequestContext } from '@crm/platform';
import { EventRepository } from '../event.repository';
import { CalendarFeedRepository, type CalendarFeedRow } from './calendar-feed.repository';
import { eventsCalendar } from './event-ics';

// A region's feed: the events of the last 90 days and all those to come.
const feedPastDays = 90;
const feedMaxEvents = 2000;
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** `.ics` files: one event's, and a region's feed behind a secret token (decision 112). */
@Injectable()
export class EventCalendarService {
  constructor(
    private readonly events: EventRepository,
    private readonly feeds: CalendarFeedRepository,
    private readonly actors: ActorContextService,
  ) {}

  /** One event the caller may read, as a calendar file in their language. */
  async eventFile(ctx: RequestContext, id: string, lang: Language): Promise<{ filename: string; body: string }> {
    const event = await this.events.findVisible(ctx.ability, parseInput(Id, id, ['id']));
    if (!event) throw new NotFoundException('Event');
    return { filename: `event-${event.id}.ics`, body: eventsCalendar([event], lang, lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn) };
  }

  /**
   * A region's events as its feed's owner may read them now (their ability as it is
   * today: a deactivated owner's feed answers nothing). An unknown or revoked token is
   * NOT_FOUND, so a guessed one learns nothing.
   */
  async feedFile(token: string): Promise<{ filename: string; body: string }> {
    const feed = tokenShape.test(token) ? await this.feeds.open(hashToken(token)) : null;
    const ctx = feed ? await this.actors.contextFor(feed.userId, `calendar-feed:${feed.id}`) : null;
    if (!feed || !ctx) throw new NotFoundException('Calendar feed');
    const from = new Date(Date.now() - feedPastDays * 86_400_000).toISOString();
    const page = await this.events.list(ctx.ability, { regionId: feed.regionId, from }, feedMaxEvents, null);
    const lang = ctx.language === 'fr' ? 'fr' : 'en';
    return { filename: 'events.ics', body: eventsCalendar(page.rows, lang, lang === 'fr' ? 'Événements de la coalition' : 'Coalition events') };
  }

  /** A new feed of a region for the caller: the token is shown once (only its hash is kept). */
  async createFeed(ctx: RequestContext, regionId: string): Promise<{ feed: CalendarFeedRow; token: string }> {
    if (!(await this.feeds.regionExists(regionId))) throw new BadUserInputException([{ path: ['regionId'], code: 'regionUnknown' }]);
    const { token, hash } = newSecretToken();
    return { feed: await this.feeds.insert(ctx.actor!.id, regionId, hash), token };
  }

  myFeeds(ctx: RequestContext): Promise<CalendarFeedRow[]> {
    return this.feeds.mine(ctx.actor!.id);
  }

  async revokeFeed(ctx: RequestContext, id: string): Promise<boolean> {
    if (!(await this.feeds.revoke(ctx.actor!.id, id))) throw new NotFoundException('Calendar feed');
    return true;
  }
}
