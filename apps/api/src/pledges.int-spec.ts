import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { pledgeStatusValues, pledgeTransitions, type PledgeStatus } from '@crm/contracts';
import { readCsv } from '@crm/data-transfer';
import { ConfigModule, DatabaseModule } from '@crm/platform';
import { MarkOverduePledgesJob, PledgesWorkerModule } from '@crm/pledges';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, ok } from './testing/records-fixtures';

const pledgeFields = 'id version status kind provinceCode personId organizationId pledgerName dueOn evidence eventId eventTitleEn overdueSince fulfilledAt';

describe('pledges: who pledges what, the lifecycle, the overdue job', () => {
  let api: ApiHarness;
  let person: { id: string };
  let memberOrganizationId: string;
  let policyAskId: string;

  const call = async (role: DemoRole, query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, await api.tokenFor(role));
  const createPledge = (input: Record<string, unknown>, role: DemoRole = 'COORDINATOR') =>
    call(role, `mutation($input: CreatePledgeInputType!) { createPledge(input: $input) { ${pledgeFields} } }`, { input: { kind: 'speak_up', ...input } });
  const setStatus = (id: string, version: number, status: string, evidence?: string) =>
    call('COORDINATOR', `mutation($input: SetPledgeStatusInputType!) { setPledgeStatus(input: $input) { ${pledgeFields} } }`, {
      input: { id, version, status, ...(evidence ? { evidence } : {}) },
    });

  beforeAll(async () => {
    api = await ApiHarness.start();
    person = await createPerson(api, { firstName: 'Grace', lastName: 'Pledger', provinceCode: 'ON' });
    [{ organization_id: memberOrganizationId }] = await api.dataSource.query(
      `SELECT organization_id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`,
    );
    [{ id: policyAskId }] = await api.dataSource.query(
      `SELECT a.id FROM policy_ask a JOIN campaign c ON c.id = a.campaign_id WHERE c.is_default ORDER BY position LIMIT 1`,
    );
  });
  afterAll(() => api?.close());

  it('a coordinator records a person’s pledge made at an event: in the person’s province, audited, on their timeline', async () => {
    const event = ok<{ createEvent: { id: string } }>(
      await call('COORDINATOR', `mutation($input: CreateEventInputType!) { createEvent(input: $input) { id } }`, {
        input: {
          titleEn: 'Town hall',
          kind: 'forum',
          provinceCode: 'ON',
          timeZone: 'America/Toronto',
          startsAt: '2026-06-20T18:00',
          endsAt: '2026-06-20T20:00',
        },
      }),
    ).createEvent;
    const pledge = ok<{ createPledge: Record<string, unknown> }>(
      await createPledge({ personId: person.id, kind: 'contact_mp', policyAskId, dueOn: '2026-07-01', eventId: event.id }),
    ).createPledge;
    expect(pledge).toMatchObject({ status: 'pledged', provinceCode: 'ON', pledgerName: 'Grace Pledger', eventId: event.id, eventTitleEn: 'Town hall' });
    const [{ stage }] = await api.dataSource.query(`SELECT engagement_stage AS stage FROM person WHERE id = $1`, [person.id]);
    expect(stage).toBe('committed');
    const timeline = await api.dataSource.query(`SELECT kind FROM activity WHERE subject_id = $1 AND record_id = $2`, [person.id, pledge.id]);
    expect(timeline).toEqual([{ kind: 'pledge.created' }]);
    const [audit] = await api.dataSource.query(`SELECT action FROM audit_entry WHERE subject_id = $1`, [pledge.id]);
    expect(audit.action).toBe('pledge.create');
  });

  it('refuses two pledgers, a pledge to contact an MP without its policy ask, and a policy ask on another kind', async () => {
    const both = await createPledge({ personId: person.id, organizationId: memberOrganizationId });
    expect(both.errors![0].extensions!.fields!.map((f) => f.code)).toEqual(['pledgerOne']);
    const noAsk = await createPledge({ personId: person.id, kind: 'contact_mp' });
    expect(noAsk.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'policyAskId'], code: 'policyAskRequired' });
    const askElsewhere = await createPledge({ personId: person.id, kind: 'share_facts', policyAskId });
    expect(askElsewhere.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'policyAskId'], code: 'policyAskOnlyMp' });
  });

  it('a member pledges for their own organization only; a coordinator cannot pledge for someone outside their regions', async () => {
    const own = ok<{ createPledge: { organizationId: string; pledgerName: string } }>(
      await createPledge({ organizationId: memberOrganizationId, kind: 'distribute_toolkits' }, 'MEMBER'),
    ).createPledge;
    expect(own.organizationId).toBe(memberOrganizationId);
    const other = await createOrganization(api, { nameEn: 'Elsewhere Org', provinceCode: 'QC' });
    expect((await createPledge({ organizationId: other.id }, 'MEMBER')).errors![0].extensions!.fields![0].code).toBe('organizationUnknown');
    const quebecer = await createPerson(api, { firstName: 'Luc', provinceCode: 'QC' });
    expect((await createPledge({ personId: quebecer.id })).errors![0].extensions!.fields![0].code).toBe('personUnknown');
    expect(errorCode(await call('FUNDER', '{ pledges(first: 1) { nodes { id } } }'))).toBe('FORBIDDEN');
  });

  it('links the outreach where a person pledged: one the caller may see, with that person; deleting the outreach keeps the pledge', async () => {
    const logOutreach = async (personId: string) =>
      ok<{ logOutreach: { id: string } }>(
        await call('COORDINATOR', `mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { id } }`, {
          input: { personId, channel: 'meeting', outcome: 'committed', occurredOn: '2026-04-04' },
        }),
      ).logOutreach.id;
    const outreachId = await logOutreach(person.id);
    const linked = ok<{ createPledge: { id: string } }>(await createPledge({ personId: person.id, outreachId })).createPledge;
    expect((await api.dataSource.query(`SELECT outreach_id FROM pledge WHERE id = $1`, [linked.id]))[0].outreach_id).toBe(outreachId);

    const someoneElse = await createPerson(api, { firstName: 'Other', lastName: 'Contact', provinceCode: 'ON' });
    const elsewhere = await logOutreach(someoneElse.id);
    for (const wrong of [elsewhere, '00000000-0000-4000-8000-000000000000']) {
      const refused = await createPledge({ personId: person.id, outreachId: wrong });
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions!.fields![0]).toMatchObject({ path: ['input', 'outreachId'], code: 'outreachUnknown' });
    }
    // A real foreign key: the database keeps the pledge and forgets the link (ON DELETE SET NULL).
    await api.ownerDataSource.query(`DELETE FROM outreach WHERE id = $1`, [outreachId]);
    expect((await api.dataSource.query(`SELECT outreach_id FROM pledge WHERE id = $1`, [linked.id]))[0].outreach_id).toBeNull();
    await expect(
      api.ownerDataSource.query(`UPDATE pledge SET outreach_id = $2 WHERE id = $1`, [linked.id, '00000000-0000-4000-8000-000000000000']),
    ).rejects.toThrow(/foreign key/);
  });

  it('exports pledges as CSV within the caller’s regions only; a member and a funder may not export them', async () => {
    const quebecer = await createPerson(api, { firstName: 'Export', lastName: 'Québec', provinceCode: 'QC' });
    const quebecPledge = ok<{ createPledge: { id: string } }>(await createPledge({ personId: quebecer.id }, 'COORDINATOR_QC')).createPledge.id;
    const exportAs = async (role: DemoRole, query = '') =>
      api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/export/pledges.csv${query}`, headers: { authorization: `Bearer ${await api.tokenFor(role)}` } });
    // The ids and provinces of an export's rows, read back with the import's own CSV reader.
    const rowsOf = async (response: { rawPayload: Buffer }) => {
      const file = await readCsv(
        (async function* () {
          yield response.rawPayload;
        })(),
        { maxBytes: 10_000_000 },
      );
      const column = file.headers.indexOf('Province');
      const ids: string[] = [];
      const provinces = new Set<string>();
      try {
        for await (const row of file.rows) {
          ids.push(row.cells[0]);
          provinces.add(row.cells[column]);
        }
      } catch {
        // a header without rows
      }
      return { ids, provinces };
    };
    const ontario = await exportAs('COORDINATOR');
    expect(ontario.statusCode).toBe(200);
    const ontarioRows = await rowsOf(ontario);
    expect(ontarioRows.provinces).toEqual(new Set(['ON']));
    expect(ontarioRows.ids).not.toContain(quebecPledge);
    const quebec = await rowsOf(await exportAs('COORDINATOR_QC'));
    expect(quebec.provinces).toEqual(new Set(['QC']));
    expect(quebec.ids).toContain(quebecPledge);
    // A filter outside one's regions narrows, never widens.
    expect((await rowsOf(await exportAs('COORDINATOR', '?provinceCodes=QC'))).ids).toEqual([]);
    expect((await rowsOf(await exportAs('STAFF', '?provinceCodes=QC,ON'))).provinces).toEqual(new Set(['ON', 'QC']));
    for (const role of ['MEMBER', 'FUNDER'] as const) expect((await exportAs(role)).statusCode).toBe(403);
  });

  describe('lifecycle', () => {
    const pledgeAt = async (status: PledgeStatus) => {
      const created = ok<{ createPledge: { id: string; version: number } }>(await createPledge({ personId: person.id })).createPledge;
      const path: Record<PledgeStatus, PledgeStatus[]> = {
        pledged: [],
        in_progress: ['in_progress'],
        fulfilled: ['in_progress', 'fulfilled'],
        lapsed: ['lapsed'],
      };
      let version = created.version;
      for (const step of path[status])
        version = ok<{ setPledgeStatus: { version: number } }>(await setStatus(created.id, version, step)).setPledgeStatus.version;
      return { id: created.id, version };
    };
    const pairs = pledgeStatusValues.flatMap((from) => pledgeStatusValues.map((to) => [from, to] as [PledgeStatus, PledgeStatus]));
    it.each(pairs)('%s → %s is allowed only if the lifecycle says so', async (from, to) => {
      const pledge = await pledgeAt(from);
      const result = await setStatus(pledge.id, pledge.version, to, to === 'fulfilled' ? 'https://example.org/letter' : undefined);
      if (pledgeTransitions[from].includes(to)) {
        const after = ok<{ setPledgeStatus: { status: string; fulfilledAt: string | null; evidence: string | null } }>(result).setPledgeStatus;
        expect(after.status).toBe(to);
        if (to === 'fulfilled') {
          expect(after).toMatchObject({ evidence: 'https://example.org/letter', fulfilledAt: expect.any(String) });
          // A fulfilled pledge makes its person a champion (the ladder of engagement).
          const [{ stage }] = await api.dataSource.query(`SELECT engagement_stage AS stage FROM person WHERE id = $1`, [person.id]);
          expect(stage).toBe('champion');
        }
      } else {
        // BAD_USER_INPUT, naming the moves allowed from here (none from a final status).
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].message).toContain(pledgeTransitions[from].join(' or ') || 'nothing else');
        expect(result.errors![0].extensions!.fields![0]).toMatchObject({
          path: ['input', 'status'],
          code: 'transitionNotAllowed',
          params: { from, allowed: pledgeTransitions[from].join(', ') || '—' },
        });
        const [{ status }] = await api.dataSource.query(`SELECT status FROM pledge WHERE id = $1`, [pledge.id]);
        expect(status).toBe(from);
      }
    });
  });

  describe('the overdue job', () => {
    const workers: INestApplicationContext[] = [];
    afterAll(() => Promise.all(workers.map((w) => w.close())));

    it('marks open pledges past due once, even with two workers on the same tick, and leaves the others', async () => {
      await api.dataSource.query(`UPDATE pledge SET overdue_since = NULL`);
      const due = async (dueOn: string) => ok<{ createPledge: { id: string } }>(await createPledge({ personId: person.id, dueOn })).createPledge.id;
      const late = await due('2026-03-01');
      const onTime = await due('2026-03-10');
      const done = await due('2026-03-01');
      const [{ version }] = await api.dataSource.query(`SELECT version FROM pledge WHERE id = $1`, [done]);
      ok(await setStatus(done, version, 'lapsed'));
      await api.dataSource.query(`UPDATE pledge SET due_on = '2099-01-01' WHERE id NOT IN ($1, $2, $3)`, [late, onTime, done]);

      for (let i = 0; i < 2; i++) {
        @Module({ imports: [ConfigModule.forRoot(api.config), DatabaseModule, PledgesWorkerModule] })
        class OverdueWorker {}
        workers.push(await NestFactory.createApplicationContext(OverdueWorker, { logger: false }));
      }
      // A tick at 05:10 in Toronto on 2026-03-05: due 2026-03-01 is overdue, 2026-03-10 not.
      const tick = {
        jobName: 'MarkOverduePledgesJob',
        scheduledAt: new Date('2026-03-05T10:10:00Z'),
        key: 'MarkOverduePledgesJob@2026-03-05T10:10:00.000Z',
        run: 1,
      };
      const counts = await Promise.all(workers.map((worker) => worker.get(MarkOverduePledgesJob).markOverdue('2026-03-05')));
      await workers[0].get(MarkOverduePledgesJob).handle(tick);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      const rows = await api.dataSource.query(`SELECT id, to_char(overdue_since, 'YYYY-MM-DD') AS since FROM pledge WHERE overdue_since IS NOT NULL`);
      expect(rows).toEqual([{ id: late, since: '2026-03-05' }]);
      const audits = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'pledge.overdue' AND subject_id = $1`, [late]);
      expect(audits[0].n).toBe(1);
      const listed = ok<{ pledges: { nodes: { id: string; overdueSince: string }[] } }>(
        await call('COORDINATOR', '{ pledges(filter: { overdue: true }) { nodes { id overdueSince } } }'),
      );
      expect(listed.pledges.nodes).toEqual([{ id: late, overdueSince: '2026-03-05' }]);
    });
  });
});
