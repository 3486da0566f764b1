import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { Allow, errorBody, HttpCtx, NotFoundException, Public, toClientError, type RequestContext } from '@crm/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventCalendarService } from './event-calendar.service';

/**
 * Calendar files over plain HTTP (calendar apps do not speak GraphQL): `GET
 * /events/<id>.ics` for one event the caller may read, and `GET /calendar/<token>.ics`,
 * a region's feed that calendar apps poll without signing in — the secret token is the
 * access, revocable by its owner (decision 112).
 */
@Controller()
export class EventCalendarController {
  private readonly logger = new Logger(EventCalendarController.name);

  constructor(private readonly calendars: EventCalendarService) {}

  @Allow('read', 'Event')
  @Get('events/:file')
  async eventFile(@HttpCtx() ctx: RequestContext, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, async () => {
      const id = /^(.+)\.ics$/.exec((request.params as { file?: string }).file ?? '')?.[1];
      if (!id) throw new NotFoundException('Event');
      const lang = (request.query as { lang?: string }).lang;
      return this.calendars.eventFile(ctx, id, lang === 'fr' || lang === 'en' ? lang : ctx.language === 'fr' ? 'fr' : 'en');
    });
  }

  @Public('calendar apps poll a region feed by its secret, revocable token')
  @Get('calendar/:file')
  async feedFile(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, async () => {
      const token = /^(.+)\.ics$/.exec((request.params as { file?: string }).file ?? '')?.[1] ?? '';
      return this.calendars.feedFile(token);
    });
  }

  private async send(reply: FastifyReply, make: () => Promise<{ filename: string; body: string }>): Promise<void> {
    try {
      const file = await make();
      await reply
        .code(200)
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    } catch (error) {
      const client = toClientError(error);
      if (client.kind === 'bug') this.logger.error({ err: error, msg: 'calendar route failed' });
      await reply.code(client.status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(errorBody(client));
    }
  }
}
