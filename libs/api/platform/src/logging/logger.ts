import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/config.schema';

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The one pino logger of a process. Fastify's request logger is a child of it.
 * JSON lines on stdout, except for a person running the process straight in a
 * terminal in development (see wantsPrettyLogs; decision 061).
 */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'> & Partial<Pick<AppConfig, 'NODE_ENV'>>, name: string): Logger {
  const destination = wantsPrettyLogs(config.NODE_ENV, Boolean(process.stdout.isTTY)) ? prettyTerminal() : undefined;
  return pino(
    {
      name,
      level: config.LOG_LEVEL,
      // Never log bodies, query strings, cookies or tokens: people's data stays out.
      redact: { paths: ['req.headers', 'req.body', 'req.query', '*.password', '*.token'], remove: true },
      serializers: {
        req: (req: { id?: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}

/**
 * Readable lines only in development with stdout on a terminal. Everything else
 * gets JSON: pipes (the `npm start` launcher, which pretty-prints them itself),
 * CI, containers (NODE_ENV=production, even with a terminal) and log files.
 */
export function wantsPrettyLogs(nodeEnv: string | undefined, stdoutIsTerminal: boolean): boolean {
  return nodeEnv === 'development' && stdoutIsTerminal;
}

/** pino-pretty (a devDependency, so never in production images) as a synchronous stream; JSON if it is missing. */
function prettyTerminal(): DestinationStream | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require('pino-pretty') as typeof import('pino-pretty');
    // The same look as the launcher's (tools/dev/log-format.cjs), with the process name kept.
    return build({
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
    });
  } catch {
    return undefined;
  }
}

/** A caller's x-request-id if it looks safe, a fresh one otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID();
}

/** Nest's logger interface over pino, so framework and app logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context ?? trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string) {
    if (message && typeof message === 'object') this.logger[level]({ context, ...(message as object) });
    else this.logger[level]({ context }, String(message));
  }
}
