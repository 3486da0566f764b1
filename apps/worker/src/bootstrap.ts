import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createLogger, PinoNestLogger, type AppConfig } from '@crm/platform';
import type { Logger } from 'pino';
import { WorkerModule } from './worker.module';

/** Builds the worker context (used by main.ts and by integration tests). */
export async function createWorker(config: AppConfig, options: { logs?: boolean; logger?: Logger } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    abortOnError: false,
    logger: options.logs === false ? false : new PinoNestLogger(options.logger ?? createLogger(config, 'worker')),
  });
  return app;
}
