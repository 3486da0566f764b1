import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertIdsOnlyPayload, jobQueues, type JobName, type JobPayloads } from './queue-names';

/**
 * The one way to cause a background job: record it in the outbox with the caller's
 * transaction manager. If the transaction commits, the relay will deliver the job
 * even if Redis is away right now; if it rolls back, the job never existed.
 */
@Injectable()
export class OutboxService {
  async enqueue<N extends JobName>(manager: EntityManager, jobName: N, payload: JobPayloads[N]): Promise<string> {
    const data = payload as unknown as Record<string, unknown>;
    assertIdsOnlyPayload(data);
    const rows: { id: string }[] = await manager.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      jobQueues[jobName],
      jobName,
      JSON.stringify(data),
    ]);
    return rows[0].id;
  }

  /** Many jobs of one kind in one statement (a batch of e-mails); answers their ids in the payloads' order. */
  async enqueueMany<N extends JobName>(manager: EntityManager, jobName: N, payloads: readonly JobPayloads[N][]): Promise<string[]> {
    if (payloads.length === 0) return [];
    const data = payloads.map((payload) => payload as unknown as Record<string, unknown>);
    data.forEach((one) => assertIdsOnlyPayload(one));
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (queue, job_name, payload)
       SELECT $1, $2, x.payload FROM unnest($3::jsonb[]) WITH ORDINALITY AS x(payload, n) ORDER BY x.n RETURNING id`,
      [jobQueues[jobName], jobName, data.map((one) => JSON.stringify(one))],
    );
    return rows.map((row) => row.id);
  }
}
