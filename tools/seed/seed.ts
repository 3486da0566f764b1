import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createDataSource } from '@crm/platform';
import { hashPassword } from '@crm/identity';
import { demoPassword, demoUsers, seedDemoRecords, seedDemoToolkit, seedDemoUsers, seedReferenceData } from '@crm/seed-data';
import { ownerDatabaseUrl } from './owner-url';

type Scale = 'small' | 'large';

function parseArgs(argv: string[]): { scale: Scale; ifEmpty: boolean } {
  let scale: Scale = 'small';
  let ifEmpty = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--if-empty') ifEmpty = true;
    else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (value !== 'small' && value !== 'large') throw new Error(`--scale must be "small" or "large", not "${value}"`);
      scale = value;
    } else throw new Error(`unknown argument ${arg}; usage: seed [--scale small|large] [--if-empty]`);
  }
  return { scale, ifEmpty };
}

async function main(): Promise<void> {
  const { scale, ifEmpty } = parseArgs(process.argv.slice(2));
  // As the owner: the demo records use temporary tables and ANALYZE, which the application role may not.
  const dataSource = createDataSource(ownerDatabaseUrl(), [], 4);
  await dataSource.initialize();
  let ladder: { go: () => Promise<void>; skip: () => void } | null = null;
  try {
    if (ifEmpty) {
      const [{ count }]: { count: string }[] = await dataSource.query(`SELECT count(*) FROM campaign`);
      if (Number(count) > 0) {
        // A database seeded before the demo accounts existed still gets them (development only).
        if (process.env.NODE_ENV !== 'production') {
          const hash = await hashPassword(demoPassword);
          await dataSource.transaction((manager) => seedDemoUsers(manager, hash));
        }
        console.log('seed: database already has data, nothing to do');
        return;
      }
    }
    const started = Date.now();
    const demo = process.env.NODE_ENV !== 'production';
    // The ladder's rebuild starts the API meanwhile; it places everyone once the records are in.
    ladder = demo && scale === 'small' ? startLadderRebuild() : null;
    const hash = demo ? await hashPassword(demoPassword) : '';
    await dataSource.transaction(async (manager) => {
      await seedReferenceData(manager);
      if (demo) await seedDemoUsers(manager, hash);
    });
    console.log(`seed: reference data and default campaign ready in ${Date.now() - started} ms`);
    if (demo) {
      const recordsStarted = Date.now();
      const records = await dataSource.transaction((manager) => seedDemoRecords(manager, scale, (step) => console.log(`seed: ${step}`)));
      console.log(
        records
          ? `seed: ${records.organizations} organizations and ${records.people} people (scale ${scale}) in ${Date.now() - recordsStarted} ms`
          : 'seed: demo organizations and people already present; drop the database to seed another scale',
      );
      // Stages come from the records (decision 116): the ladder's own rebuild places everyone, as the API would.
      if (records && ladder) await ladder.go();
    }
    if (demo) {
      const toolkit = await dataSource.transaction((manager) => seedDemoToolkit(manager));
      console.log(toolkit ? `seed: toolkit catalogue (${toolkit.items} items) and ${toolkit.requests} requests` : 'seed: toolkit catalogue already present');
    }
    if (demo) {
      // Statistics for every table the seed filled or the ladder rebuild rewrote: without them the
      // planner took outreach for empty and counted a campaign's goals by nested loops (150 ms each
      // on the demo data instead of 3 ms) until autovacuum got round to it.
      const analyzed = Date.now();
      const tables: { name: string }[] = await dataSource.query(
        `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
      );
      if (tables.length) await dataSource.query(`ANALYZE ${tables.map((table) => table.name).join(', ')}`);
      console.log(`seed: statistics for ${tables.length} tables in ${Date.now() - analyzed} ms`);
    }
    if (demo) {
      // Development only: how to sign in to the demo.
      console.log(`seed: demo accounts (password "${demoPassword}"):`);
      for (const user of demoUsers) console.log(`  ${user.role.padEnd(11)} ${user.email}`);
    }
  } finally {
    ladder?.skip();
    await dataSource.destroy();
  }
}

/**
 * Starts the ladder rebuild command (dist/apps/api/src/rebuild-ladder.js --on-go, decision 092) as the
 * API's application role (DATABASE_URL, REDIS_URL): the one code that places people, nothing copied
 * here. `go` rebuilds and waits for it; `skip` lets it stop without rebuilding.
 */
function startLadderRebuild(): { go: () => Promise<void>; skip: () => void } {
  const script = path.join(__dirname, '../../apps/api/src/rebuild-ladder.js');
  const child = spawn(process.execPath, [script, '--on-go'], { env: process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    async go() {
      const started = Date.now();
      child.stdin.end('go\n');
      const code = await exited;
      if (code !== 0) throw new Error(`the ladder rebuild failed (${stderr.trim() || `exit ${code}`}); run node ${path.relative(process.cwd(), script)}`);
      const summary = /Ladder rebuilt: .*/.exec(stdout)?.[0] ?? 'Ladder rebuilt';
      console.log(`seed: ${summary.replace(/^Ladder/, 'ladder')}, ${Date.now() - started} ms after the records`);
    },
    skip() {
      if (child.stdin.writable) child.stdin.end();
    },
  };
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
