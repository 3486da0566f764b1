export { UserError } from './procs.cjs';

export declare const APP_DATABASE: string;

export interface DatabaseService {
  /** URL of the application database: as the application role crm_app when the launcher made the roles. */
  url: string;
  /** URL of the application database as its owner (crm_owner): migrate, seed, create-admin. */
  migrationUrl: string;
  /** The superuser URL the roles were made with, or null. */
  adminUrl?: string | null;
  /** URL of a database on the same server (for CREATE/DROP DATABASE). */
  serverUrl: string;
  embedded: boolean;
  shared?: boolean;
  /** Embedded only: the cluster's folder (absolute), and as messages show it (relative inside the clone). */
  dataDir?: string;
  shownDataDir?: string;
  stop(): Promise<void>;
}
export interface RedisService {
  url: string;
  started: boolean;
  stop(): Promise<void>;
}
export interface Services {
  database: DatabaseService;
  redis: RedisService;
  env: { DATABASE_URL: string; DATABASE_MIGRATION_URL?: string; REDIS_URL: string };
  stop(): Promise<void>;
}
export interface TestDatabase {
  name: string;
  /** The owner's URL (same as ownerUrl). */
  url: string;
  /** As crm_owner: migrate, seed, setup SQL. */
  ownerUrl: string;
  /** As crm_app: the api and the worker. */
  appUrl: string;
  drop(): Promise<unknown>;
}
type Log = (message: string) => void;

export declare function redact(url: string): string;
export declare function withDatabase(url: string, database: string): string;
export declare function checkPostgres(url: string): Promise<unknown>;
export declare function ensureDatabase(serverUrl: string, database: string): Promise<void>;
export declare function hydrateEmbeddedPostgres(): number;
export declare function startEmbeddedPostgres(options?: {
  dataDir?: string;
  port?: number;
  log?: Log;
}): Promise<{ serverUrl: string; port: number; shared: boolean; dataDir: string; stop(): Promise<void> }>;
export declare function resolveDatabase(options?: {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  database?: string;
  log?: Log;
}): Promise<Omit<DatabaseService, 'migrationUrl'>>;
export declare const OWNER_ROLE: string;
export declare const APP_ROLE: string;
export declare function setUpDatabaseRoles(adminUrl: string): Promise<{ appUrl: string; ownerUrl: string }>;
export declare function createTestDatabase(baseUrl: string, options?: { prefix?: string }): Promise<TestDatabase>;
export declare function dropStaleTestDatabases(baseUrl: string, options?: { prefix?: string }): Promise<string[]>;
export declare function pingRedis(url: string, timeoutMs?: number): Promise<void>;
export declare function resolveRedis(options?: { env?: NodeJS.ProcessEnv; isolated?: boolean; log?: Log }): Promise<RedisService>;
export declare function resolveServices(options?: {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  isolatedRedis?: boolean;
  /** Make the database roles and give database.url as crm_app (default true); false keeps the URL found (tests). */
  roles?: boolean;
  log?: Log;
}): Promise<Services>;
export declare function fail(error: unknown): void;
export declare function freePort(host?: string): Promise<number>;
export declare function isPortFree(port: number, host?: string): Promise<boolean>;
export declare function reapOrphans(options?: { log?: Log }): Promise<void>;
