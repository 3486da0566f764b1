type Log = { warn(obj: object): void; log(obj: object): void };

/**
 * Connection errors of one client as two log lines per outage — "lost" at the
 * first error, "back" (with how long and how many errors) when it is ready
 * again — instead of one stack trace per reconnection attempt. Names the
 * error's code only: driver messages carry hosts and ports.
 */
export class OutageLog {
  private down: { since: number; errors: number } | null = null;

  constructor(
    private readonly component: string,
    private readonly logger: Log,
  ) {}

  get isDown(): boolean {
    return this.down !== null;
  }

  error(error: unknown): void {
    if (this.down) {
      this.down.errors++;
      return;
    }
    this.down = { since: Date.now(), errors: 1 };
    this.logger.warn({ component: this.component, reason: reasonOf(error), msg: `${this.component}: connection lost; reconnecting` });
  }

  ready(): void {
    if (!this.down) return;
    const { since, errors } = this.down;
    this.down = null;
    this.logger.log({ component: this.component, downMs: Date.now() - since, errors, msg: `${this.component}: connection back` });
  }
}

export function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | undefined;
  if (typeof e?.code === 'string') return e.code;
  if (typeof e?.name === 'string' && e.name !== 'Error') return e.name;
  const message = error instanceof Error ? error.message : String(error);
  // "connect ECONNREFUSED 127.0.0.1:6379" → ECONNREFUSED; otherwise the message without addresses.
  return /\b(E[A-Z]{3,})\b/.exec(message)?.[1] ?? message.replace(/\d{1,3}(\.\d{1,3}){3}(:\d+)?/g, '<address>').slice(0, 200);
}
