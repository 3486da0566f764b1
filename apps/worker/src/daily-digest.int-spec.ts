import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hashPassword } from '@crm/identity';
import { DIGEST_BATCH_SIZE, OutreachDigestModule, SendDailyDigestsJob } from '@crm/outreach';
import { PledgesDigestModule } from '@crm/pledges';
import { ConfigModule, createDataSource, DatabaseModule, JobSchedulers, OutboxModule, parseConfig, type AppConfig } from '@crm/platform';
import { createTestDatabase, privateRedis, type PrivateRedis, type TestDatabase } from '@crm/platform/testing';
import { demoPassword, seedDemoUsers, seedReferenceData } from '@crm/seed-data';
import { DataSource } from 'typeorm';
import { createWorker } from './bootstrap';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The job and its module without queues: ticks are handed over by the test.
async function digestContext(config: AppConfig): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, OutboxModule, OutreachDigestModule, PledgesDigestModule] })
  class DigestTestModule {}
  return NestFactory.createApplicationContext(DigestTestModule, { logger: false });
}

const tick = (iso: string) => ({ jobName: 'SendDailyDigestsJob', scheduledAt: new Date(iso), key: `SendDailyDigestsJob@${iso}`, run: 1 });

interface Mail {
  to_address: string;
  language: string;
  subject: string;
  body_text: string;
}

describe('the daily digest of follow-ups', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let owner: DataSource;
  const users: Record<string, string> = {};

  const mails = async (): Promise<Mail[]> =>
    owner.query(`SELECT to_address, language, subject, body_text FROM mail_message WHERE template = 'daily_digest' ORDER BY created_at`);

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await privateRedis();
    await redis.start();
    owner = createDataSource(database.ownerUrl, [], 2);
    await owner.initialize();
    const hash = await hashPassword(demoPassword);
    await owner.transaction(async (manager) => {
      await seedReferenceData(manager);
      await seedDemoUsers(manager, hash);
    });
    for (const row of await owner.query(`SELECT id, split_part(email, '@', 1) AS name FROM app_user`)) users[row.name] = row.id;
    // Quebec's coordinator works in French from Vancouver.
    await owner.query(`UPDATE app_user SET time_zone = 'America/Vancouver', preferred_language = 'fr' WHERE id = $1`, [users.quebec]);
    const [campaign] = await owner.query(`SELECT id FROM campaign WHERE is_default`);
    const person = async (first: string, province: string, doNotContact = false) =>
      (
        await owner.query(`INSERT INTO person (first_name, last_name, province_code, do_not_contact) VALUES ($1, 'Leader', $2, $3) RETURNING id`, [
          first,
          province,
          doNotContact,
        ])
      )[0].id as string;
    const followUp = (personId: string, ownerId: string, due: string, done = false) =>
      owner.query(
        `INSERT INTO outreach (person_id, campaign_id, channel, occurred_on, outcome, follow_up_on, follow_up_owner_id, follow_up_done_at, created_by_id)
         VALUES ($1, $2, 'call', '2031-03-01', 'followUpNeeded', $3, $4, $5, $4)`,
        [personId, campaign.id, due, ownerId, done ? new Date() : null],
      );
    const amina = await person('Amina', 'ON');
    const brett = await person('Brett', 'ON', true);
    const chloe = await person('Chloé', 'ON');
    const denis = await person('Denis', 'QC');
    await followUp(amina, users.ontario, '2031-03-07'); // overdue on 10 March
    await followUp(brett, users.ontario, '2031-03-10'); // due that day; do not contact, still listed
    await followUp(chloe, users.ontario, '2031-03-14'); // next week: not in the digest
    await followUp(chloe, users.ontario, '2031-03-01', true); // done: not in the digest
    await followUp(denis, users.quebec, '2031-03-10');
  });

  afterAll(async () => {
    await owner?.destroy();
    await redis?.stop();
    await database?.drop();
  });

  it('sends each person with something due one e-mail in their language at their hour, and nobody else anything', async () => {
    const config = parseConfig({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      STAFF_URL: 'https://crm.example.org',
    });
    const app = await digestContext(config);
    try {
      const job = app.get(SendDailyDigestsJob);
      // 06:00 in Toronto: too early for anyone.
      await job.handle(tick('2031-03-10T10:00:00Z'));
      expect(await mails()).toEqual([]);
      // 07:00 in Toronto (04:00 in Vancouver): Ontario's digest only. Batches of one user: a worker dies after the first batch…
      job.batchSize = 1;
      const original = job.sendBatch.bind(job);
      let calls = 0;
      const sendBatch = jest.spyOn(job, 'sendBatch').mockImplementation(async (candidates) => {
        if (++calls === 2) throw new Error('worker died');
        return original(candidates);
      });
      await expect(job.handle(tick('2031-03-10T11:00:00Z'))).rejects.toThrow('worker died');
      sendBatch.mockRestore();
      expect(calls).toBe(2);
      job.batchSize = DIGEST_BATCH_SIZE;
      // …and the tick runs again (a retry, a restart, a second worker): nothing is sent twice.
      await job.handle(tick('2031-03-10T11:00:00Z'));
      await job.handle(tick('2031-03-10T12:00:00Z'));
      const ontario = (await mails()).filter((mail) => mail.to_address.startsWith('ontario@'));
      expect(ontario).toHaveLength(1);
      expect(ontario[0].language).toBe('en');
      expect(ontario[0].subject).toBe('Follow-ups due: 2 (March 10, 2031)');
      expect(ontario[0].body_text).toContain('Overdue');
      expect(ontario[0].body_text).toContain('Amina Leader: due March 7, 2031');
      expect(ontario[0].body_text).toContain('Brett Leader: due March 10, 2031 (last contact: call, follow-up needed) (asked not to be contacted)');
      expect(ontario[0].body_text).toContain(`https://crm.example.org/people/`);
      expect(ontario[0].body_text).not.toContain('Chloé');
      expect((await mails()).some((mail) => mail.to_address.startsWith('quebec@'))).toBe(false);

      // 07:00 in Vancouver, three hours late (Redis was away at the hour): Quebec's, in French, once.
      await job.handle(tick('2031-03-10T18:00:00Z'));
      await job.handle(tick('2031-03-10T19:00:00Z'));
      const quebec = (await mails()).filter((mail) => mail.to_address.startsWith('quebec@'));
      expect(quebec).toHaveLength(1);
      expect(quebec[0].language).toBe('fr');
      expect(quebec[0].subject).toBe('Suivis à faire\u00a0: 1 (10 mars 2031)');
      expect(quebec[0].body_text).toContain('Denis Leader\u00a0: prévu le 10 mars 2031');
      // Nothing due, no mail: staff, member and funder.
      expect((await mails()).map((mail) => mail.to_address.split('@')[0]).sort()).toEqual(['ontario', 'quebec']);
      // Every digest e-mail went through the outbox with its delivery job.
      const [outbox] = await owner.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'SendMailJob'`);
      expect(outbox.n).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('a coordinator who moves to Vancouver gets that day’s digest once, then the next at 07:00 in Vancouver', async () => {
    const config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = await digestContext(config);
    const ontarioMails = async (date: string) => (await mails()).filter((mail) => mail.to_address.startsWith('ontario@') && mail.subject.includes(date)).length;
    try {
      const job = app.get(SendDailyDigestsJob);
      await owner.query(`UPDATE app_user SET time_zone = NULL WHERE id = $1`, [users.ontario]);
      await job.handle(tick('2031-03-12T11:00:00Z')); // 07:00 in Toronto (EDT from 9 March)
      expect(await ontarioMails('March 12, 2031')).toBe(1);
      // Their account now says Vancouver (the setting on "My account"): 07:00 there, the same local day, sends nothing more.
      await owner.query(`UPDATE app_user SET time_zone = 'America/Vancouver' WHERE id = $1`, [users.ontario]);
      await job.handle(tick('2031-03-12T14:00:00Z'));
      expect(await ontarioMails('March 12, 2031')).toBe(1);
      // The next day: nothing at 07:00 in Toronto (04:00 in Vancouver), one e-mail at 07:00 in Vancouver.
      await job.handle(tick('2031-03-13T11:00:00Z'));
      expect(await ontarioMails('March 13, 2031')).toBe(0);
      await job.handle(tick('2031-03-13T14:00:00Z'));
      await job.handle(tick('2031-03-13T15:00:00Z'));
      expect(await ontarioMails('March 13, 2031')).toBe(1);
    } finally {
      await owner.query(`UPDATE app_user SET time_zone = NULL WHERE id = $1`, [users.ontario]);
      await app.close();
    }
  });

  it('overdue pledges join the follow-ups in the same e-mail, for each of a batch of recipients', async () => {
    const config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = await digestContext(config);
    try {
      const [campaign] = await owner.query(`SELECT id FROM campaign WHERE is_default`);
      const [pat] = await owner.query(`INSERT INTO person (first_name, last_name, province_code) VALUES ('Pat', 'Pledger', 'ON') RETURNING id`);
      for (const userId of [users.staff, users.ontario]) {
        await owner.query(
          `INSERT INTO pledge (campaign_id, person_id, kind, due_on, status, overdue_since, province_code, owner_id, created_by_id)
           VALUES ($1, $2, 'speak_up', '2031-03-01', 'pledged', '2031-03-02', 'ON', $3, $3)`,
          [campaign.id, pat.id, userId],
        );
      }
      await app.get(SendDailyDigestsJob).handle(tick('2031-03-20T11:00:00Z')); // 07:00 in Toronto
      // One batch, two languages: the staff member reads French, Ontario's coordinator English.
      const staff = (await mails()).filter((mail) => mail.to_address.startsWith('staff@') && mail.subject.includes('20 mars 2031'));
      expect(staff).toHaveLength(1);
      expect(staff[0].language).toBe('fr');
      expect(staff[0].subject).toBe('Suivis à faire\u00a0: 1 (20 mars 2031)');
      expect(staff[0].body_text).toContain('Engagements en retard');
      expect(staff[0].body_text).toContain('Pat Pledger\u00a0: ');
      expect(staff[0].body_text).not.toContain('Amina');
      // Ontario's still-open follow-ups (Amina, Brett, Chloé: overdue by now) come first, then the pledge.
      const ontario = (await mails()).filter((mail) => mail.to_address.startsWith('ontario@') && mail.subject.includes('March 20, 2031'));
      expect(ontario).toHaveLength(1);
      expect(ontario[0].subject).toBe('Follow-ups due: 4 (March 20, 2031)');
      expect(ontario[0].body_text.indexOf('Amina Leader')).toBeLessThan(ontario[0].body_text.indexOf('Pat Pledger'));
    } finally {
      await app.close();
    }
  });

  it('two worker processes and a restart of one: one digest per person per day, delivered once', async () => {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const [campaign] = await owner.query(`SELECT id FROM campaign WHERE is_default`);
    const [person] = await owner.query(`INSERT INTO person (first_name, last_name, province_code) VALUES ('Eve', 'Today', 'ON') RETURNING id`);
    await owner.query(
      `INSERT INTO outreach (person_id, campaign_id, channel, occurred_on, outcome, follow_up_on, follow_up_owner_id)
       VALUES ($1, $2, 'meeting', $3, 'interested', $3, $4)`,
      [person.id, campaign.id, today, users.admin],
    );
    // Every second, in UTC, from this hour: each tick of the run is "the digest hour" for today.
    const config = parseConfig({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: '100',
      DIGEST_HOUR: String(now.getUTCHours()),
      DIGEST_TIME_ZONE: 'UTC',
      REPEATABLE_JOB_SCHEDULES: JSON.stringify({ SendDailyDigestsJob: { every: 1000 } }),
    });
    JobSchedulers.catchUpAfterMs = 500;
    const a = await createWorker(config, { logs: false });
    const b = await createWorker(config, { logs: false });
    await Promise.all([a.init(), b.init()]);
    await sleep(2500);
    await a.close();
    const a2 = await createWorker(config, { logs: false });
    await a2.init();
    await sleep(2500);
    await Promise.all([b.close(), a2.close()]);

    const ticks = await owner.query(`SELECT count(*)::int AS n FROM job_tick WHERE job_name = 'SendDailyDigestsJob'`);
    expect(ticks[0].n).toBeGreaterThanOrEqual(3);
    // Delivered (stored: no SMTP server in tests) exactly once.
    for (let waited = 0; waited < 10_000; waited += 200) {
      const [row] = await owner.query(`SELECT status FROM mail_message WHERE template = 'daily_digest' AND to_address LIKE 'admin@%'`);
      if (row?.status === 'stored') break;
      await sleep(200);
    }
    const admin = await owner.query(`SELECT status, attempts FROM mail_message WHERE template = 'daily_digest' AND to_address LIKE 'admin@%'`);
    expect(admin).toEqual([{ status: 'stored', attempts: 1 }]);
    const days = await owner.query(`SELECT count(*)::int AS n FROM digest_sent WHERE user_id = $1 AND digest_date = $2`, [users.admin, today]);
    expect(days[0].n).toBe(1);
  }, 60_000);
});
