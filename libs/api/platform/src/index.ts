export { AppConfigSchema, type AppConfig } from './config/config.schema';
export { ConfigError, parseConfig, loadConfigOrExit } from './config/load-config';
export { APP_CONFIG, ConfigModule } from './config/config.module';
export { DatabaseModule } from './database/database.module';
export { createDataSource, dataSourceOptions, runMigrations } from './database/data-source';
export { migrations } from './database/migrations';
export { SqlParams, likeEscape, recordset } from './database/sql-params';
export { poolQuery } from './database/pool-query';
export {
  APP_ROLE,
  OWNER_ROLE,
  APPEND_ONLY_TABLES,
  MIGRATIONS_TABLE,
  checkApplicationGrants,
  derivedRolePasswords,
  expectedTablePrivileges,
  setUpDatabaseRoles,
  urlForRole,
  type GrantReport,
  type RolePasswords,
} from './database/roles';
export {
  DomainException,
  NotFoundException,
  ConflictException,
  BadUserInputException,
  ServiceUnavailableException,
  ErrorCode,
  problemMessage,
  type FieldProblem,
  type FieldProblemInput,
} from './errors/domain.exception';
export { formatGraphqlError, mercuriusErrorFormatter } from './errors/graphql-error-formatter';
export { toClientError, isUnavailableError, errorBody, unavailableReason, type ClientError } from './errors/client-error';
export { ApiExceptionFilter } from './errors/api-exception.filter';
export { failSafeContext } from './errors/graphql-context';
export { createLogger, requestIdFrom, PinoNestLogger } from './logging/logger';
export { HealthModule } from './health/health.module';
export { QueueName, jobQueues, assertIdsOnlyPayload, type JobName, type JobPayloads } from './queue/queue-names';
export { OutboxEntry } from './queue/outbox.entity';
export { OutboxService } from './queue/outbox.service';
export { OutboxRelay, relayJobOptions } from './queue/outbox-relay';
export { OutboxRelayService } from './queue/outbox-relay.service';
export { Queues } from './queue/queues';
export { QueueModule, OutboxModule } from './queue/queue.module';
export { QueueJob, RepeatableJob, type JobRun, type JobTick, type JobSchedule, type OutboxJobHandler, type RepeatableJobHandler } from './queue/job.decorators';
export { JobRegistry, UnknownJobError } from './queue/job-registry';
export { JobWorkers, isGivenUp, tickMillis } from './queue/job-workers.service';
export { JobSchedulers } from './queue/job-schedulers.service';
export { PurgeOutboxJob } from './queue/purge-outbox.job';
export { queueSettings, tickJobOptions } from './queue/queue-settings';
export { liveWorkers, WORKER_HEARTBEAT_KEY } from './queue/worker-heartbeat';
export { OutageLog } from './queue/outage-log';
export { RedisModule, REDIS_CLIENT } from './queue/redis.module';
export { SessionCache, SESSION_INVALIDATION_CHANNEL, type SessionActorRow } from './access/session-cache';
export { redisOptionsFromUrl, bullConnectionOptions, reconnectDelay } from './queue/redis-connection';
export type { RequestContext } from './access/request-context';
export {
  Public,
  Authenticated,
  Allow,
  AllowField,
  Ctx,
  HttpCtx,
  ACCESS_RULE,
  HTTP_REQUEST_CONTEXTS,
  type AccessRule,
  type HttpRequestContexts,
} from './access/access.decorators';
export { FieldAccessInterceptor } from './access/field-access.interceptor';
export { AccessGuard, UnauthenticatedException, ForbiddenException } from './access/access.guard';
export { parseInput } from './validation/parse-input';
export { AuditService, diffForAudit, MASKED, type AuditInput } from './audit/audit.service';
export { AuditModule } from './audit/audit.module';
export { PageInfoObject, encodeCursor, decodeCursor } from './graphql/page-info.object';
export { readCursor, invalidCursor, type CursorPart } from './graphql/cursor';
export { asksFor, selectedFields } from './graphql/selected-fields';
export { accessibleWhere, applyAccessibleWhere, AccessibleWhereError, type SqlCondition, type ColumnMap } from './authz/accessible-where';
export { preflight, preflightOrExit, redactUrl } from './config/preflight';
