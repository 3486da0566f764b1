import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../access/access.decorators';
import { ReadinessService } from './readiness.service';

@Public('load balancers and the launcher probe health without signing in')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** The process is up (for restarts); touches nothing else. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve, jobs included: 200, or 503 saying what is down (decision 064). */
  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.readiness.check();
    await reply
      .code(report.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  }
}
