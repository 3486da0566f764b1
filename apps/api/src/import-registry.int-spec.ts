import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { TransferRegistry } from '@crm/records';
import { ApiHarness } from './testing/api-harness';
import { data, ImportSteps, startImportJobs, workerImportModules } from './testing/import-steps';

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

describe('import registry', () => {
  let api: ApiHarness;
  let jobs: INestApplicationContext;
  let token: string;
  let steps: ImportSteps;

  beforeAll(async () => {
    api = await ApiHarness.start();
    jobs = await startImportJobs(api.config, workerImportModules);
    steps = new ImportSteps(api, jobs);
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
    const upload = await steps.upload(token, `kind=${kind}&filename=${kind}.csv`, samples[kind]);
    expect(upload.status).toBe(201);
    const batchId: string = upload.body.importBatch.id;

    const columns = await steps.guess(token, batchId);
    expect(columns.filter((c) => c.field === null)).toEqual([]);
    await steps.map(token, batchId, columns, 'SKIP');
    await steps.dryRun(token, batchId);
    const checked = data<{ status: string; target: { kind: string }; counts: { create: number; error: number } }>(
      await api.graphql('query($id: ID!) { importBatch(id: $id) { status target { kind } counts { create error } } }', { id: batchId }, token),
      'importBatch',
    );
    expect(checked).toEqual({ status: 'VALIDATED', target: { kind }, counts: { create: 1, error: 0 } });

    await steps.run(token, batchId);
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
