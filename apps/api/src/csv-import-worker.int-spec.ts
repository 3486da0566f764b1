import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataTransferWorkerModule } from '@crm/data-transfer';
import { OrganizationsImportModule } from '@crm/organizations';
import { PeopleImportModule } from '@crm/people';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, type AppConfig } from '@crm/platform';
import { ApiHarness } from './testing/api-harness';
import { ImportSteps } from './testing/import-steps';

// The import's jobs the way production runs them: the mutation writes the
// outbox row, the relay hands it to BullMQ (a Redis of the test's own), the
// worker's `imports` processor runs it.

function workerModule(config: AppConfig) {
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, OutboxModule, DataTransferWorkerModule, PeopleImportModule, OrganizationsImportModule],
    providers: [OutboxRelayService],
  })
  class ImportWorkerModule {}
  return ImportWorkerModule;
}

describe('CSV import through the outbox and the worker', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await ApiHarness.start({ OUTBOX_POLL_MS: '100' });
    worker = await NestFactory.createApplicationContext(workerModule(api.config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function status(id: string, token: string): Promise<{ status: string; counts: Record<string, number> }> {
    const result = await api.graphql(`query($id: ID!) { importBatch(id: $id) { status counts { create error created } } }`, { id }, token);
    return result.data!.importBatch as { status: string; counts: Record<string, number> };
  }

  async function until(id: string, token: string, wanted: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const batch = await status(id, token);
      if (batch.status === wanted) return batch;
      if (Date.now() > deadline) throw new Error(`import stayed ${batch.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('checks and imports a file with jobs relayed to the worker', async () => {
    const token = await api.tokenFor('STAFF');
    const csv = 'First Name,Last Name,Email,State/Province\r\nAmina,Haddad,amina@example.org,Ontario\r\nSam,Roy,sam@example,Quebec\r\n';
    const steps = new ImportSteps(api);
    const id = await steps.uploaded(token, 'kind=people&filename=w.csv', csv);
    const mapping = [0, 1, 2, 3].map((column) => ({ column, field: ['firstName', 'lastName', 'emails', 'provinceCode'][column] }));
    await steps.map(token, id, mapping, 'SKIP', true);
    await steps.dryRun(token, id);
    expect((await until(id, token, 'VALIDATED')).counts).toMatchObject({ create: 1, error: 1 });
    await steps.run(token, id);
    expect((await until(id, token, 'IMPORTED')).counts).toMatchObject({ created: 1 });
    const [person] = await api.dataSource.query(`SELECT first_name, province_code FROM person WHERE emails @> ARRAY['amina@example.org']`);
    expect(person).toEqual({ first_name: 'Amina', province_code: 'ON' });
  });
});
