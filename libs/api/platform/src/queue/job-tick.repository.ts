import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The ledger of repeatable-job ticks (table `job_tick`, decision 063): one row
 * per job and scheduled time, counting the runs, marked when a run finished.
 * A tick that finished never runs again (a catch-up or a duplicate finds it
 * done); the latest finished tick tells the scheduler which tick was missed.
 */
@Injectable()
export class JobTickRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a run of the tick and answers its number (1 the first time), or null when the tick already finished. */
  async start(jobName: string, scheduledAt: Date, worker: string): Promise<number | null> {
    const rows: { runs: number }[] = await this.dataSource.query(
      `INSERT INTO job_tick AS t (job_name, scheduled_at, last_worker) VALUES ($1, $2, $3)
       ON CONFLICT (job_name, scheduled_at) DO UPDATE
          SET runs = t.runs + 1, last_started_at = clock_timestamp(), last_worker = EXCLUDED.last_worker
        WHERE t.finished_at IS NULL
       RETURNING runs`,
      [jobName, scheduledAt, worker],
    );
    return rows[0]?.runs ?? null;
  }

  async finish(jobName: string, scheduledAt: Date): Promise<void> {
    await this.dataSource.query(`UPDATE job_tick SET finished_at = clock_timestamp() WHERE job_name = $1 AND scheduled_at = $2`, [jobName, scheduledAt]);
  }

  /** The latest tick of a job that finished, if any. */
  async lastFinished(jobName: string): Promise<Date | null> {
    const rows: { at: Date | null }[] = await this.dataSource.query(
      `SELECT max(scheduled_at) AS at FROM job_tick WHERE job_name = $1 AND finished_at IS NOT NULL`,
      [jobName],
    );
    return rows[0]?.at ?? null;
  }

  /** Forgets ticks scheduled before `before`, a batch at a time; answers how many went. */
  async purge(before: Date, batchSize: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM job_tick WHERE (job_name, scheduled_at) IN (SELECT job_name, scheduled_at FROM job_tick WHERE scheduled_at < $1 LIMIT $2)`,
      [before, batchSize],
    );
    return result[1];
  }
}
