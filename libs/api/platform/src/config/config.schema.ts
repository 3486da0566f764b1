import { isIP } from 'node:net';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z
  .string({ error: 'is required (e.g. postgres://user@127.0.0.1:5432/coalition_crm)' })
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// URL');
const redisUrl = z.string().refine((value) => /^rediss?:\/\/.+/.test(value), 'must be a redis:// URL');

// REPEATABLE_JOB_SCHEDULES: {"PurgeOutboxJob": {"pattern": "0 2 * * *", "tz": "America/Toronto"}} or {"X": {"every": 1000}}.
const jobSchedule = z.union([
  z.strictObject({ pattern: z.string().min(9, 'must be a cron pattern'), tz: z.string().min(1) }),
  z.strictObject({ every: z.number().int().min(500, 'must be at least 500 ms') }),
]);
const jobSchedules = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be JSON: {"JobName": {"pattern": "0 7 * * *", "tz": "America/Toronto"}} or {"JobName": {"every": 60000}}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), jobSchedule));
// Named ranges proxy-addr (Fastify's trustProxy) knows: 127.0.0.1/8 and ::1; fe80::/10 and 169.254.0.0/16; private ranges.
const namedRanges = ['loopback', 'linklocal', 'uniquelocal'];

/** "10.0.0.7", "10.0.0.0/8", "fd00::/8" or a named range. */
export function isProxyAddress(entry: string): boolean {
  if (namedRanges.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// A comma-separated list of addresses and ranges -> the list; a bad entry is named by its position, not its value.
const proxyList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .superRefine((entries, ctx) => {
    entries.forEach((entry, index) => {
      if (!isProxyAddress(entry)) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not an IP address, a CIDR range (10.0.0.0/8) or one of ${namedRanges.join(', ')}` });
      }
    });
  });

// Every setting the API and the worker read. Defaults make `npm start` work with
// nothing configured; anything wrong stops the process at start, one line per problem.
export const AppConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(4000),
  // Peers whose X-Forwarded-For the API believes (decision 065): the staff server on this host by default.
  TRUSTED_PROXIES: proxyList.default(['loopback']),
  DATABASE_URL: postgresUrl,
  // The owner role, for migrate, seed and create-admin only (decision 067); the API and the worker never use it.
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/.+/.test(value), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Coalition CRM <no-reply@coalition.invalid>'),
  STAFF_URL: z.url({ error: 'must be a URL' }).default('http://127.0.0.1:3000'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(200).default(15),
  // Values the answer can hold, page sizes taken from literals, variables and defaults (decision 066): the costliest staff screen is ~5,600.
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(20000),
  HTTP_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60000).default(500),
  // The daily digest of follow-ups (decision 082): the local hour it goes out, and the zone of those who set none.
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  DIGEST_TIME_ZONE: z
    .string()
    .min(1)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Toronto')
    .default('America/Toronto'),
  // Moves repeatable jobs off the schedule their module declares (decision 063); empty keeps every one as declared.
  REPEATABLE_JOB_SCHEDULES: jobSchedules.default({}),
  // Sessions: idle and absolute lifetimes.
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Seconds a live session is remembered in memory (invalidated through Redis on sign-out and user changes); 0 turns it off.
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  // Failed sign-ins allowed per account and per address in one window, then refused until it ends.
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(30),
  SIGNIN_THROTTLE_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
});

export type AppConfig = z.infer<typeof AppConfigSchema>;
