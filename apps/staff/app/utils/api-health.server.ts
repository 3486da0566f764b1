import { z } from 'zod';
import type { ApiHealth } from './api-health';
import { apiHeaders, apiUrl } from './api.server';

// The API's readiness report (@nestjs/terminus): 200 with "ok" or 503 with "error".
const component = z.object({ status: z.string() });
const readiness = z.object({
  status: z.string(),
  info: z.record(z.string(), component).nullish(),
  error: z.record(z.string(), component).nullish(),
  details: z.record(z.string(), component).nullish(),
});

const timeoutMs = 3_000;

// Never throws: the dashboard must render even when the API is down.
export async function fetchApiHealth(request: Request): Promise<ApiHealth> {
  try {
    const response = await fetch(apiUrl('/health/ready'), {
      headers: { accept: 'application/json', ...(await apiHeaders(request)) },
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
    });
    const parsed = readiness.safeParse(await response.json());
    if (!parsed.success) return { reachable: false };
    const { status, info, error, details } = parsed.data;
    const all = details ?? { ...info, ...error };
    return {
      reachable: true,
      ok: response.ok && status === 'ok',
      components: Object.entries(all).map(([name, value]) => ({ name, up: value.status === 'up' })),
    };
  } catch {
    return { reachable: false };
  }
}
