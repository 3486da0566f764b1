// The API's readiness as the dashboard shows it (built in api-health.server.ts).
export type ApiHealth = { reachable: false } | { reachable: true; ok: boolean; components: { name: string; up: boolean }[] };
