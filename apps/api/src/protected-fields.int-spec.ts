import { buildSchema, getNamedType, isEnumType, isNonNullType, isObjectType, type GraphQLArgument } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeCursor } from '@crm/platform';
import { ApiHarness, type GraphqlResult } from './testing/api-harness';
import { createOrganization, createPerson, ok, userId } from './testing/records-fixtures';

// Hardening, as classes rather than instances: a field one may not read can be neither read,
// nor written, nor probed (every answer the same whatever its hidden value), nor shown as
// changed; any id PostgreSQL stores opens its record; no page cursor reaches SQL unchecked;
// a timeline says nothing of the records its reader may not read.

const answerOf = (result: GraphqlResult) =>
  JSON.stringify({
    data: result.data,
    errors: result.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, fields: e.extensions?.fields })),
  });

describe('hardening: protected fields, ids, cursors, timelines', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });

  afterAll(async () => {
    await api?.close();
  });

  const as = async (role: Parameters<ApiHarness['tokenFor']>[0], query: string, variables: Record<string, unknown> = {}) =>
    api.graphql(query, variables, await api.tokenFor(role));

  describe('a protected field can be neither read, nor written, nor probed, nor shown as changed', () => {
    // Each case: a record, the role that may not read the field, how to set its hidden value, and the write.
    type Case = {
      name: string;
      role: 'COORDINATOR' | 'MEMBER';
      record: () => Promise<{ id: string }>;
      hide: (id: string, value: unknown) => Promise<void>;
      hidden: [unknown, unknown];
      sent: unknown[];
      mutation: string;
      read: string;
      readable: Record<string, unknown>;
      field: string;
    };
    const cases: Case[] = [
      {
        name: "a person's lived experience, for a coordinator who created but does not own them",
        role: 'COORDINATOR',
        record: async () => createPerson(api, { firstName: 'Grace', lastName: 'Osei', provinceCode: 'ON', ownerId: await userId(api, 'STAFF') }, 'COORDINATOR'),
        hide: async (id, value) => void (await api.dataSource.query(`UPDATE person SET lived_experience = $2 WHERE id = $1`, [id, value])),
        hidden: [true, false],
        sent: [true, false],
        mutation: 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id version livedExperience } }',
        read: '{ person(id: "ID") { livedExperience version updatedAt } people(first: 200) { nodes { id livedExperience } } }',
        readable: { city: 'Kingston' },
        field: 'livedExperience',
      },
      {
        name: "an organization's internal notes, for its member contact",
        role: 'MEMBER',
        record: async () => {
          const [{ organization_id: id }] = await api.dataSource.query(
            `SELECT organization_id FROM app_user WHERE lower(email) = 'member@demo.coalition.invalid'`,
          );
          return { id };
        },
        hide: async (id, value) => void (await api.dataSource.query(`UPDATE organization SET notes = $2 WHERE id = $1`, [id, value])),
        hidden: [null, 'Internal: funding at risk'],
        sent: [null, 'Internal: funding at risk', 'anything else'],
        mutation: 'mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { id version notes } }',
        read: '{ organization(id: "ID") { notes version updatedAt } organizations { nodes { id notes } } }',
        readable: { city: 'Ottawa' },
        field: 'notes',
      },
    ];

    it.each(cases)('$name', async (c) => {
      const { id } = await c.record();
      const answers = new Map<string, Set<string>>();
      const note = (key: string, result: GraphqlResult) => answers.set(key, (answers.get(key) ?? new Set()).add(answerOf(result)));
      for (const hidden of c.hidden) {
        await c.hide(id, hidden);
        const [{ version }] = await api.dataSource.query(`SELECT version FROM ${c.field === 'notes' ? 'organization' : 'person'} WHERE id = $1`, [id]);
        for (const sent of c.sent) {
          for (const withReadable of [false, true]) {
            for (const at of [version, version + 7]) {
              const input = { id, version: at, [c.field]: sent, ...(withReadable ? c.readable : {}) };
              note(`write ${JSON.stringify(sent)} ${withReadable} ${at - version}`, await as(c.role, c.mutation, { input }));
            }
          }
        }
        // Reads: the field is null, and nothing else about the record depends on it.
        note('read', await as(c.role, c.read.replace('ID', id)));
        const [after] = await api.dataSource.query(`SELECT version FROM ${c.field === 'notes' ? 'organization' : 'person'} WHERE id = $1`, [id]);
        expect(after.version).toBe(version);
      }
      for (const [key, seen] of answers) expect([key, seen.size]).toEqual([key, 1]);
      const write = [...answers.get(`write ${JSON.stringify(c.sent[0])} true 0`)!][0];
      expect(JSON.parse(write).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', c.field], code: 'notYours' }] });
    });

    it('a change of only the protected field moves nothing its non-readers can see: version, last change, timeline', async () => {
      const owner = await userId(api, 'STAFF');
      const person = await createPerson(api, { firstName: 'Abebe', lastName: 'Tesfaye', provinceCode: 'ON', ownerId: owner, livedExperience: false });
      const view = async () =>
        answerOf(
          await as(
            'COORDINATOR',
            `{ person(id: "${person.id}") { version updatedAt livedExperience }
               timeline(subjectType: Person, subjectId: "${person.id}") { nodes { id kind summary } } }`,
          ),
        );
      const before = await view();
      ok(
        await as('STAFF', 'mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }', {
          input: { id: person.id, version: person.version, livedExperience: true },
        }),
      );
      expect(await view()).toBe(before);
      // Staff, who may read it, see the change on the timeline.
      const staff = ok<{ timeline: { nodes: { kind: string; summary: { fields?: string[] } }[] } }>(
        await as('STAFF', `{ timeline(subjectType: Person, subjectId: "${person.id}") { nodes { kind summary } } }`),
      );
      expect(staff.timeline.nodes[0]).toEqual({ kind: 'record.updated', summary: { fields: ['livedExperience'] } });
    });

    it('no category or filter carries lived experience', async () => {
      const result = await as('STAFF', '{ people(filter: { leaderCategories: [lived_experience] }) { nodes { id } } }');
      expect(result.errors?.[0].extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
      const schema = readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8');
      expect(schema).not.toMatch(/lived_experience/);
      expect(/input PersonFilterInputType \{[^}]*livedExperience/.test(schema)).toBe(false);
    });
  });

  it('opens a record whatever the version and variant bits of its id (md5-made, imported)', async () => {
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO person (id, first_name, last_name, province_code) VALUES (md5('imported-17')::uuid, 'Imported', 'Person', 'ON') RETURNING id`,
    );
    expect(id).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    const person = ok<{ person: { firstName: string } }>(await as('STAFF', `{ person(id: "${id}") { firstName } }`)).person;
    expect(person.firstName).toBe('Imported');
  });

  it('answers every crafted cursor of every list with BAD_USER_INPUT, never an internal error', async () => {
    const schema = buildSchema(readFileSync(path.resolve(__dirname, '../schema.gql'), 'utf8'));
    const org = await createOrganization(api, { nameEn: 'Cursor Centre', provinceCode: 'ON' });
    const standIn = (arg: GraphQLArgument): string | null => {
      if (!isNonNullType(arg.type)) return null;
      const type = getNamedType(arg.type);
      if (isEnumType(type)) return type.name === 'TimelineSubjectType' ? 'Organization' : type.getValues()[0].name;
      if (type.name === 'ID') return `"${org.id}"`;
      if (type.name === 'Int') return '1';
      return '"x"';
    };
    const lists = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'after'));
    expect(lists.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['organizations', 'people', 'timeline']));
    const hostile = [
      'garbage',
      '%00',
      encodeCursor(['a\u0000', 'b']),
      encodeCursor(['2024-13-45T99:99:99.000000', '1']),
      encodeCursor(['NAME', 'x', 'y', 'not-a-uuid']),
      encodeCursor(['UPDATED', 'yesterday', '00000000-0000-4000-8000-000000000001']),
      encodeCursor(['x', '99999999999999999999999']),
      '99999999999999999999999',
      encodeCursor([{}, []] as unknown as string[]),
    ];
    for (const field of lists) {
      const args = field.args
        .filter((arg) => arg.name !== 'after')
        .flatMap((arg) => {
          const value = standIn(arg);
          return value === null ? [] : [`${arg.name}: ${value}`];
        });
      const selection = isObjectType(getNamedType(field.type)) ? '{ __typename }' : '';
      for (const cursor of hostile) {
        const result = await as('ADMIN', `query($after: String) { ${field.name}(${[...args, 'after: $after'].join(', ')}) ${selection} }`, { after: cursor });
        expect([field.name, cursor, result.errors?.[0]?.extensions?.code]).toEqual([field.name, cursor, 'BAD_USER_INPUT']);
      }
    }
  });

  it("a timeline says that something happened to a record its reader may not read, without the record's id", async () => {
    const ontarioOrg = await createOrganization(api, { nameEn: 'Kingston Welcome Hub', provinceCode: 'ON' });
    const quebecPerson = await createPerson(api, {
      firstName: 'Marie',
      lastName: 'Gagnon',
      provinceCode: 'QC',
      affiliations: [{ organizationId: ontarioOrg.id, title: 'Volunteer' }],
    });
    const nodes = ok<{ timeline: { nodes: { kind: string; recordId: string | null; summary: Record<string, unknown> }[] } }>(
      await as('COORDINATOR', `{ timeline(subjectType: Organization, subjectId: "${ontarioOrg.id}") { nodes { kind recordId summary } } }`),
    ).timeline.nodes;
    const added = nodes.find((n) => n.kind === 'affiliation.added');
    expect(added).toEqual({ kind: 'affiliation.added', recordId: null, summary: {} });
    expect(JSON.stringify(nodes)).not.toContain(quebecPerson.id);
    // Staff, who read the person, see which one.
    const staff = ok<{ timeline: { nodes: { kind: string; recordId: string | null }[] } }>(
      await as('STAFF', `{ timeline(subjectType: Organization, subjectId: "${ontarioOrg.id}") { nodes { kind recordId } } }`),
    ).timeline.nodes;
    expect(staff.find((n) => n.kind === 'affiliation.added')?.recordId).toBe(quebecPerson.id);
  });
});
