import { Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DryRunImportJob, ImportJobsModule, RunImportJob } from '@crm/data-transfer';
import { EventsModule } from '@crm/events';
import { OrganizationsImportModule } from '@crm/organizations';
import { OutreachModule } from '@crm/outreach';
import { PeopleImportModule } from '@crm/people';
import { AuditModule, ConfigModule, DatabaseModule, OutboxModule, RedisModule, type AppConfig } from '@crm/platform';
import { PledgesModule } from '@crm/pledges';
import type { ApiHarness, GraphqlResult } from './api-harness';

// What the import specs share: the jobs' process, and the wizard's steps as one importer takes them.

/** The people and organizations targets alone (the CSV import's own suites). */
export const recordImportModules: Type[] = [PeopleImportModule, OrganizationsImportModule];

/** As the worker: every module that registers a target, and the ladder's signals (outreach, events, pledges). */
export const workerImportModules: Type[] = [RedisModule, OutboxModule, AuditModule, ...recordImportModules, OutreachModule, EventsModule, PledgesModule];

/** The import jobs' process on the harness's database (the specs call the jobs' handlers, as the worker's processor does). */
export async function startImportJobs(config: AppConfig, modules: Type[]): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ImportJobsModule, ...modules] })
  class JobsModule {}
  return NestFactory.createApplicationContext(JobsModule, { logger: false });
}

/** The data of a GraphQL answer's `field`; its errors throw, so a step that failed is not read as empty. */
export function data<T>(result: GraphqlResult, field: string): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data![field] as T;
}

/** A column of the file and the field it feeds (null: not imported). */
export interface MappedColumn {
  column: number;
  field: string | null;
}

/** The wizard's steps through the API (`jobs`, when given, runs the dry run and the run here). */
export class ImportSteps {
  constructor(
    private readonly api: ApiHarness,
    private readonly jobs?: INestApplicationContext,
  ) {}

  /** `POST /imports?<query>` as `token`: the status and the JSON answer. */
  async upload(token: string, query: string, body: Buffer | string, contentType = 'text/csv') {
    const response = await this.api.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/imports?${query}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        payload: body,
      });
    return { status: response.statusCode, body: response.json() };
  }

  /** The new batch's id; anything but 201 throws with the answer. */
  async uploaded(token: string, query: string, body: Buffer | string): Promise<string> {
    const response = await this.upload(token, query, body);
    if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(response.body)}`);
    return response.body.importBatch.id;
  }

  async guess(token: string, batchId: string): Promise<MappedColumn[]> {
    const guess = data<{ columns: MappedColumn[] }>(
      await this.api.graphql('query($id: ID!) { guessImportMapping(batchId: $id) { columns { column field } } }', { id: batchId }, token),
      'guessImportMapping',
    );
    return guess.columns;
  }

  async map(token: string, batchId: string, mapping: MappedColumn[], duplicatePolicy: 'UPDATE' | 'SKIP', skipInvalidRows?: boolean): Promise<void> {
    data(
      await this.api.graphql(
        'mutation($input: SetImportMappingInput!) { setImportMapping(input: $input) { id } }',
        { input: { batchId, mapping, duplicatePolicy, ...(skipInvalidRows === undefined ? {} : { skipInvalidRows }) } },
        token,
      ),
      'setImportMapping',
    );
  }

  /** The dry run: the mutation, then (with `jobs`) its job. */
  async dryRun(token: string, batchId: string): Promise<void> {
    data(await this.api.graphql('mutation($id: ID!) { dryRunImport(batchId: $id) { id } }', { id: batchId }, token), 'dryRunImport');
    await this.jobs?.get(DryRunImportJob).handle({ importBatchId: batchId });
  }

  /** The run: the mutation, then (with `jobs`) its job. */
  async run(token: string, batchId: string): Promise<void> {
    data(await this.api.graphql('mutation($id: ID!) { runImport(batchId: $id) { id } }', { id: batchId }, token), 'runImport');
    await this.jobs?.get(RunImportJob).handle({ importBatchId: batchId });
  }
}
