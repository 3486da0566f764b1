import 'reflect-metadata';
import { createLogger, loadConfigOrExit, preflightOrExit } from '@crm/platform';
import { createWorker } from './bootstrap';
import { routeConsoleToLog } from './console-to-log';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await preflightOrExit(config, 'worker');
  const logger = createLogger(config, 'worker');
  routeConsoleToLog(logger);
  const app = await createWorker(config, { logger });
  let closing = false;
  // On SIGTERM/SIGINT: stop taking jobs, let the job in hand finish (BullMQ's
  // worker.close() waits for it), stop the relay, then exit.
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.warn({ signal }, 'worker: stopping; finishing the job in hand');
    const force = setTimeout(() => {
      logger.error('worker: shutdown took over 25 s, exiting; unfinished jobs return to the queue');
      process.exit(1);
    }, 25_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.init();
  // The launcher and tests wait for this exact line (whatever LOG_LEVEL hides).
  process.stdout.write('worker ready\n');
}

main().catch((error: unknown) => {
  console.error(`worker: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
