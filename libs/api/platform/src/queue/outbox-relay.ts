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
 * Moves pending outbox rows into BullMQ, using the outbox id as the job id
 * (BullMQ ignores an add whose id it already holds, so a repeated relay is a
 * no-op). Rows are locked (SKIP LOCKED) so several relays can run side by side.
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
      const rows: Row[] = await manager.query(
        `SELECT id, queue, job_name, payload FROM outbox
          WHERE relayed_at IS NULL
          ORDER BY created_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      // One bulk add per queue (one round trip to Redis, atomic), in the order the rows were written.
      for (const [name, group] of groupByQueue(rows)) {
        const ids = group.map((row) => row.id);
        const queue = this.queues.get(name);
        try {
          if (!queue) throw new Error(`unknown queue ${name}`);
          const jobs = group.map((row) => ({ name: row.job_name, data: row.payload, opts: { ...relayJobOptions, jobId: row.id } }));
          await withTimeout(queue.addBulk(jobs), ADD_TIMEOUT_MS);
          await manager.query(
            `UPDATE outbox SET relayed_at = clock_timestamp(), relay_attempts = relay_attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
            [ids],
          );
          result.relayed += group.length;
        } catch (error) {
          result.failed += group.length;
          const message = error instanceof Error ? error.message : String(error);
          await manager.query(`UPDATE outbox SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [
            ids,
            message.slice(0, 500),
          ]);
          // Payloads are ids only, but we still log just the outbox ids' count and the queue.
          this.logger?.warn({ queue: name, rows: group.length, reason: message }, 'outbox relay failed; will retry');
          // Redis is most likely away: stop this pass, keep the order, retry later.
          break;
        }
      }
    });
    return result;
  }
}

type Row = { id: string; queue: string; job_name: string; payload: Record<string, unknown> };

function groupByQueue(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.queue, [...(groups.get(row.queue) ?? []), row]);
  return groups;
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
