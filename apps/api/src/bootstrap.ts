import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiExceptionFilter, createLogger, PinoNestLogger, requestIdFrom, type AppConfig } from '@crm/platform';
import { AppModule } from './app.module';

/** Builds the API (used by main.ts and by integration tests). */
export async function createApi(config: AppConfig, options: { schemaFile?: string; logs?: boolean } = {}): Promise<NestFastifyApplication> {
  const logger = createLogger(options.logs === false ? { LOG_LEVEL: 'silent' } : config, 'api');
  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    // X-Forwarded-For counts only from these peers (request.ip): the staff server, a load balancer (decision 065).
    trustProxy: config.TRUSTED_PROXIES,
    loggerInstance: logger,
    genReqId: (req: IncomingMessage) => requestIdFrom(req.headers['x-request-id']),
    // Health probes every few seconds would drown the request log.
    logController: new LogController({ disableRequestLogging: (req) => (req.url ?? '').startsWith('/health') }),
  });
  // Set as the request arrives, with a callback: an async onSend hook costs a promise per answer.
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    abortOnError: false,
    logger: new PinoNestLogger(logger),
  });
  // Errors outside GraphQL execution (routes, body parsing, unknown paths) answer in the API's error shape.
  const httpLogger = logger.child({ context: 'HTTP' });
  app.useGlobalFilters(new ApiExceptionFilter({ error: (obj, msg) => httpLogger.error(obj, msg), warn: (obj, msg) => httpLogger.warn(obj, msg) }));
  return app;
}
