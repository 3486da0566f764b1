import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DryRunImportJob, ImportJobsModule, RunImportJob } from '@crm/data-transfer';
import { EventsModule } from '@crm/events';
import { OrganizationsImportModule } from '@crm/organizations';
import { OutreachModule } from '@crm/outreach';
import { PeopleImportModule } from '@crm/people';
import { AuditModule, ConfigModule, DatabaseModule, OutboxModule, RedisModule, type AppConfig } from '@crm/platform';
import { PledgesModule } from '@crm/pledges';
import { TransferRegistry } from '@crm/records';
import { ApiHarness, type GraphqlResult } from './testing/api-harness';

// The import registry (decision 058): data-transfer imports whatever a domain
// registers. Every registered target is uploaded, mapped as guessed, dry-run and
// imported below from a small file of its own; a target registered without a file
// here fails, so a new import is tested the day it registers. The jobs' process
// (here, as in the worker) registers the same targets as the API.

const samples: Record<string, string> = {
  people: 'First Name,Last Name,Email,Province\r\nRegistry,Person,registry.person@example.org,ON\r\n',
  organizations: 'Organization Name,City,Province\r\nRegistry Test Centre,Ottawa,ON\r\n',
  // Names a person of the demo data (the harness's), by e-mail.
  outreach: 'Email,Channel,Outcome,Date\r\nregistry.outreach@example.org,Call,Interested,2026-03-01\r\n',
};

function jobsModule(config: AppConfig) {
  // As the worker: the import jobs, and the modules that register targets (and the ladder's signals).
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      RedisModule,
      OutboxModule,
      AuditModule,
      ImportJobsModule,
      PeopleImportModule,
      OrganizationsImportModule,
      OutreachModule,
      EventsModule,
      PledgesModule,
    ],
  })
  class JobsModule {}
  return JobsModule;
}

function data<T>(result: GraphqlResult, field: string): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data![field] as T;
}

describe('import registry', () => {
  let api: ApiHarness;
  let jobs: INestApplicationContext;
  let token: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    jobs = await NestFactory.createApplicationContext(jobsModule(api.config), { logger: false });
    token = await api.tokenFor('ADMIN');
    await api.dataSource.query(`INSERT INTO person (first_name, last_name, province_code, emails) VALUES ('Registry', 'Outreach', 'ON', $1)`, [
      ['registry.outreach@example.org'],
    ]);
  });
  afterAll(async () => {
    await jobs?.close();
    await api?.close();
  });

  const kinds = () =>
    api.app
      .get(TransferRegistry)
      .importKinds()
      .map((target) => target.kind)
      .sort();

  it('has a sample file for every registered target, and the jobs register the same targets as the API', () => {
    expect(kinds()).toEqual(Object.keys(samples).sort());
    expect(
      jobs
        .get(TransferRegistry)
        .importKinds()
        .map((target) => target.kind)
        .sort(),
    ).toEqual(kinds());
  });

  it('lists the registered targets in the wizard, each with its EN and FR label', async () => {
    const targets = data<{ kind: string; labelEn: string; labelFr: string }[]>(
      await api.graphql('{ importTargets { kind labelEn labelFr } }', {}, token),
      'importTargets',
    );
    expect(targets.map((t) => t.kind).sort()).toEqual(kinds());
    for (const target of targets) expect(target.labelEn && target.labelFr).toBeTruthy();
  });

  it.each(Object.keys(samples))('imports %s end to end: columns guessed, dry run, run, audit and timeline', async (kind) => {
    const response = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/imports?kind=${kind}&filename=${kind}.csv`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        payload: samples[kind],
      });
    expect(response.statusCode).toBe(201);
    const batchId: string = response.json().importBatch.id;

    const guess = data<{ columns: { column: number; field: string | null }[] }>(
      await api.graphql('query($id: ID!) { guessImportMapping(batchId: $id) { columns { column field } } }', { id: batchId }, token),
      'guessImportMapping',
    );
    expect(guess.columns.filter((c) => c.field === null)).toEqual([]);
    data(
      await api.graphql(
        'mutation($input: SetImportMappingInput!) { setImportMapping(input: $input) { id } }',
        { input: { batchId, mapping: guess.columns, duplicatePolicy: 'SKIP' } },
        token,
      ),
      'setImportMapping',
    );
    data(await api.graphql('mutation($id: ID!) { dryRunImport(batchId: $id) { id } }', { id: batchId }, token), 'dryRunImport');
    await jobs.get(DryRunImportJob).handle({ importBatchId: batchId });
    const checked = data<{ status: string; target: { kind: string }; counts: { create: number; error: number } }>(
      await api.graphql('query($id: ID!) { importBatch(id: $id) { status target { kind } counts { create error } } }', { id: batchId }, token),
      'importBatch',
    );
    expect(checked).toEqual({ status: 'VALIDATED', target: { kind }, counts: { create: 1, error: 0 } });

    data(await api.graphql('mutation($id: ID!) { runImport(batchId: $id) { id } }', { id: batchId }, token), 'runImport');
    await jobs.get(RunImportJob).handle({ importBatchId: batchId });
    const done = data<{ status: string; counts: { created: number } }>(
      await api.graphql('query($id: ID!) { importBatch(id: $id) { status counts { created } } }', { id: batchId }, token),
      'importBatch',
    );
    expect(done).toEqual({ status: 'IMPORTED', counts: { created: 1 } });
    const [row] = await api.dataSource.query(`SELECT record_id FROM import_row WHERE batch_id = $1`, [batchId]);
    expect(row.record_id).toBeTruthy();
    const [audit] = await api.dataSource.query(
      `SELECT changes::text AS changes FROM audit_entry WHERE subject_type = 'ImportBatch' AND subject_id = $1 AND action LIKE '%.import'`,
      [batchId],
    );
    expect(audit.changes).toContain(row.record_id);
    const [activity] = await api.dataSource.query(`SELECT count(*)::int AS count FROM activity WHERE record_id = $1 AND summary->>'importBatchId' = $2`, [
      row.record_id,
      batchId,
    ]);
    expect(activity.count).toBe(1);
  });
});
