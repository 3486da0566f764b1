import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

type Logger = { warn(obj: object, msg: string): void; debug?(obj: object, msg: string): void };

export interface RelayResult {
  relayed: number;
  failed: number;
}

export const relayJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are kept for a week: a repeated relay of the same outbox id
  // finds the job and BullMQ ignores the duplicate, so nothing runs twice.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

const ADD_TIMEOUT_MS = 5000;

/**
 * Moves pending outbox rows into BullMQ, using the outbox id as the job id.
 * Rows are locked (SKIP LOCKED) so several relays can run side by side.
 */
export class OutboxRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: Map<string, Queue>,
    private readonly logger?: Logger,
    private readonly batchSize = 100,
  ) {}

  async relayOnce(): Promise<RelayResult> {
    const result: RelayResult = { relayed: 0, failed: 0 };
    await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; queue: string; job_name: string; payload: Record<string, unknown> }[] = await manager.query(
        `SELECT id, queue, job_name, payload FROM outbox
          WHERE relayed_at IS NULL
          ORDER BY created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      for (const row of rows) {
        const queue = this.queues.get(row.queue);
        try {
          if (!queue) throw new Error(`unknown queue ${row.queue}`);
          await withTimeout(queue.add(row.job_name, row.payload, { ...relayJobOptions, jobId: row.id }), ADD_TIMEOUT_MS);
          await manager.query(`UPDATE outbox SET relayed_at = clock_timestamp(), relay_attempts = relay_attempts + 1, last_error = NULL WHERE id = $1`, [
            row.id,
          ]);
          result.relayed += 1;
        } catch (error) {
          result.failed += 1;
          const message = error instanceof Error ? error.message : String(error);
          await manager.query(`UPDATE outbox SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = $1`, [row.id, message.slice(0, 500)]);
          // Payloads are ids only, but we still log just the outbox id and job name.
          this.logger?.warn({ outboxId: row.id, job: row.job_name, reason: message }, 'outbox relay failed; will retry');
          // Redis is most likely away: stop this batch, keep the order, retry later.
          break;
        }
      }
    });
    return result;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
