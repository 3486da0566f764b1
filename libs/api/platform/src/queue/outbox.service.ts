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
}
