import { inspect } from 'node:util';
import type { Logger } from 'pino';

/**
 * Libraries write to the console now and then (BullMQ's warnings, an error
 * event nobody listened to). In the worker's log — JSON lines for machines —
 * each such call becomes one JSON line at the matching level instead of a
 * multi-line stack trace between the JSON.
 */
export function routeConsoleToLog(logger: Logger): void {
  const child = logger.child({ context: 'console' });
  const write =
    (level: 'error' | 'warn' | 'info') =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args
        .map((arg) =>
          typeof arg === 'string' ? arg : arg instanceof Error ? `${arg.name}: ${arg.message}` : inspect(arg, { breakLength: Infinity, depth: 3 }),
        )
        .join(' ')
        .replace(/\s*\n\s*/g, ' ');
      if (error) child[level]({ err: error }, text);
      else child[level](text);
    };
  console.error = write('error');
  console.warn = write('warn');
  // eslint-disable-next-line no-console -- replacing it is the point
  console.info = write('info');
  // eslint-disable-next-line no-console -- replacing it is the point
  console.log = write('info');
}
