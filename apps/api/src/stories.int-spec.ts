import { ApiHarness, type DemoRole, type GraphqlResult } from './testing/api-harness';
import { createPerson, errorCode, ok, userId } from './testing/records-fixtures';
import { createStory, reviewTo, storyFields, type CreatedStory } from './testing/story-fixtures';

// Stories: the review's lifecycle, who reads what of a story (every role × field × consent level,
// by the shared ability's rules), withdrawal honoured on every path at once, erasure's tombstone,
// and the public page's content.

const answerOf = (result: GraphqlResult) =>
  JSON.stringify({ data: result.data, errors: result.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, fields: e.extensions?.fields })) });

describe('stories', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(async () => {
    await api?.close();
  });

  const as = async (role: DemoRole | 'ANONYMOUS', query: string, variables: Record<string, unknown> = {}) =>
    api.graphql(query, variables, role === 'ANONYMOUS' ? undefined : await api.tokenFor(role));
  const review = (role: DemoRole, story: { id: string; version: number }, status: string) =>
    as(role, `mutation($input: ReviewStoryInputType!) { reviewStory(input: $input) { ${storyFields} } }`, {
      input: { id: story.id, version: story.version, status },
    });
  const update = (role: DemoRole, input: Record<string, unknown>) =>
    as(role, `mutation($input: UpdateStoryInputType!) { updateStory(input: $input) { ${storyFields} } }`, { input });
  const withdraw = (role: DemoRole, story: { id: string; version: number }) =>
    as(role, 'mutation($input: RecordVersionInputType!) { withdrawStoryConsent(input: $input) { id withdrawnAt erasedAt } }', {
      input: { id: story.id, version: story.version },
    });
  const erase = (role: DemoRole, story: { id: string; version: number }) =>
    as(role, 'mutation($input: RecordVersionInputType!) { eraseStory(input: $input) { id withdrawnAt erasedAt } }', {
      input: { id: story.id, version: story.version },
    });
  const version = async (id: string): Promise<number> => (await api.dataSource.query(`SELECT version FROM story WHERE id = $1`, [id]))[0].version;

  describe('review lifecycle', () => {
    it('goes draft → approved → published and back one step, and refuses every other move naming the allowed ones', async () => {
      const story = await createStory(api, {});
      expect(story).toMatchObject({ status: 'draft', publishedAt: null, withdrawn: false });
      // Every impossible move from each status, with the state checked unchanged after each.
      const impossible: Record<string, { to: string; allowed: string }[]> = {
        draft: [{ to: 'published', allowed: 'approved' }],
        approved: [],
        published: [{ to: 'draft', allowed: 'approved' }],
      };
      let current: CreatedStory = story;
      for (const status of ['draft', 'approved', 'published'] as const) {
        if (status !== 'draft') current = ok<{ reviewStory: CreatedStory }>(await review('STAFF', current, status)).reviewStory;
        expect(current.status).toBe(status);
        for (const { to, allowed } of impossible[status]) {
          const refused = await review('STAFF', current, to);
          expect(refused.errors?.[0].extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            fields: [{ path: ['input', 'status'], code: 'transitionNotAllowed', params: { from: status, allowed } }],
          });
          expect(await version(current.id)).toBe(current.version);
        }
      }
      expect(current.publishedAt).not.toBeNull();
      // Back one step at a time.
      current = ok<{ reviewStory: CreatedStory }>(await review('STAFF', current, 'approved')).reviewStory;
      expect(current).toMatchObject({ status: 'approved', publishedAt: null });
      current = ok<{ reviewStory: CreatedStory }>(await review('STAFF', current, 'draft')).reviewStory;
      expect(current.status).toBe('draft');
      // An old version is a CONFLICT, not a move.
      expect(errorCode(await review('STAFF', { id: current.id, version: current.version - 1 }, 'approved'))).toBe('CONFLICT');
    });

    it('publishes only with public consent, and a named story only with the name', async () => {
      const internal = await reviewTo(api, await createStory(api, { consentLevel: 'internal' }), 'approved');
      expect((await review('STAFF', internal, 'published')).errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ path: ['input', 'status'], code: 'consentNotPublic' }),
      ]);
      const named = await createStory(api, { consentLevel: 'named_public' }).catch((error: Error) => error);
      expect(String(named)).toContain('storytellerNameRequired');
    });

    it('changes drafts only, and only coordinators’ own; the review is national staff’s', async () => {
      const story = await reviewTo(api, await createStory(api, {}), 'approved');
      expect((await update('STAFF', { id: story.id, version: story.version, title: 'New' })).errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ path: ['input', 'id'], code: 'storyNotDraft' }),
      ]);
      const mine = await createStory(api, {}, 'COORDINATOR');
      expect(ok<{ updateStory: { title: string } }>(await update('COORDINATOR', { id: mine.id, version: mine.version, title: 'Mine' })).updateStory.title).toBe(
        'Mine',
      );
      expect((await review('COORDINATOR', { id: mine.id, version: mine.version + 1 }, 'approved')).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['input', 'status'], code: 'notYours' }],
      });
      expect(errorCode(await erase('COORDINATOR', mine))).toBe('FORBIDDEN');
      const quebec = await createStory(api, { provinceCode: 'QC' }, 'COORDINATOR_QC');
      expect(errorCode(await update('COORDINATOR', { id: quebec.id, version: quebec.version, title: 'x' }))).toBe('NOT_FOUND');
    });
  });

  describe('who reads what: every role × every field × every consent level (and withdrawn)', () => {
    const fields = ['title', 'text', 'storytellerName', 'storytellerPersonId', 'consentNote'] as const;
    const roles: DemoRole[] = ['ADMIN', 'STAFF', 'COORDINATOR', 'COORDINATOR_QC', 'MEMBER', 'FUNDER'];
    const levels = ['internal', 'anonymised_public', 'named_public'] as const;
    type Made = { id: string; level: (typeof levels)[number]; gatheredBy: 'COORDINATOR' | 'STAFF'; withdrawn: boolean };
    const made: Made[] = [];

    /** What the design says `role` gets of `field` on `story`: its value, null, or the whole story refused. */
    function expected(role: DemoRole, story: Made, field: (typeof fields)[number]): 'value' | 'null' | 'NOT_FOUND' | 'FORBIDDEN' {
      if (role === 'MEMBER' || role === 'FUNDER') return 'FORBIDDEN';
      if (role === 'ADMIN') return 'value';
      if (story.withdrawn || role === 'COORDINATOR_QC') return 'NOT_FOUND';
      if (role === 'STAFF') return 'value';
      const storyteller = field === 'storytellerName' || field === 'storytellerPersonId';
      return storyteller && story.level !== 'named_public' && story.gatheredBy !== 'COORDINATOR' ? 'null' : 'value';
    }

    beforeAll(async () => {
      const storyteller = await createPerson(api, { firstName: 'Amina', lastName: 'Khalil', provinceCode: 'ON' });
      for (const level of levels) {
        for (const gatheredBy of ['COORDINATOR', 'STAFF'] as const) {
          for (const withdrawn of [false, true]) {
            const story = await createStory(
              api,
              { consentLevel: level, storytellerName: 'Amina Khalil', storytellerPersonId: storyteller.id, consentNote: 'Signed form' },
              gatheredBy,
            );
            if (withdrawn) ok(await withdraw(gatheredBy, story));
            made.push({ id: story.id, level, gatheredBy, withdrawn });
          }
        }
      }
    });

    it.each(roles)('as %s, on each story, by id and in the list', async (role) => {
      const list = await as(role, `{ stories(first: 200) { nodes { id ${fields.join(' ')} } } }`);
      const listed = new Map((list.data?.stories as { nodes: Record<string, unknown>[] } | undefined)?.nodes.map((n) => [n.id as string, n]) ?? []);
      const adminWithdrawn =
        role === 'ADMIN' ? await as(role, `{ stories(first: 200, filter: { withdrawn: true }) { nodes { id ${fields.join(' ')} } } }`) : null;
      for (const story of made) {
        const one = await as(role, `{ story(id: "${story.id}") { ${fields.join(' ')} } }`);
        for (const field of fields) {
          const want = expected(role, story, field);
          const got = one.errors?.[0]?.extensions?.code ?? ((one.data?.story as Record<string, unknown>)[field] === null ? 'null' : 'value');
          expect({ role, ...story, field, got }).toEqual({ role, ...story, field, got: want });
        }
        // The list holds exactly the stories the reader may open, withdrawn ones apart (ADMIN's filter).
        const row = story.withdrawn
          ? (adminWithdrawn?.data?.stories as { nodes: Record<string, unknown>[] } | undefined)?.nodes.find((n) => n.id === story.id)
          : listed.get(story.id);
        const opened = !one.errors;
        expect({ role, ...story, listed: Boolean(row) }).toEqual({ role, ...story, listed: opened && (!story.withdrawn || role === 'ADMIN') });
        if (row) for (const field of fields) expect({ field, value: row[field] === null }).toEqual({ field, value: expected(role, story, field) === 'null' });
      }
    });

    it('a storyteller a coordinator may not know can be neither read, written nor probed through them', async () => {
      // Gathered by staff (its owner), created by the coordinator: the coordinator edits it but may not know who told it.
      const staffId = await userId(api, 'STAFF');
      const story = await createStory(api, { ownerId: staffId, consentLevel: 'anonymised_public' }, 'COORDINATOR');
      const answers = new Map<string, Set<string>>();
      const note = (key: string, result: GraphqlResult) => answers.set(key, (answers.get(key) ?? new Set()).add(answerOf(result)));
      for (const hidden of [null, 'Amina Khalil']) {
        await api.dataSource.query(`UPDATE story SET storyteller_name = $2 WHERE id = $1`, [story.id, hidden]);
        const at = await version(story.id);
        for (const sent of ['Amina Khalil', 'Someone else', null]) {
          for (const field of ['storytellerName', 'consentLevel']) {
            const value = field === 'consentLevel' ? 'named_public' : sent;
            note(`${field} ${sent}`, await update('COORDINATOR', { id: story.id, version: at, [field]: value, title: 'Retitled' }));
          }
        }
        note(
          'read',
          await as('COORDINATOR', `{ story(id: "${story.id}") { storytellerName version updatedAt } stories(first: 200) { nodes { id storytellerName } } }`),
        );
        expect(await version(story.id)).toBe(at);
      }
      for (const [key, seen] of answers) expect([key, seen.size]).toEqual([key, 1]);
      const refused = JSON.parse([...answers.get('consentLevel null')!][0]);
      expect(refused.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'consentLevel'], code: 'notYours' }] });
    });
  });

  describe('withdrawal of consent', () => {
    it('takes effect in the same request on every path: lists, search, the story, its timeline, the CSV export, counts, the public page', async () => {
      const title = `Withdrawn-${Date.now()}`;
      const story = await reviewTo(
        api,
        await createStory(api, { title, text: 'A welding business in Hamilton.', consentLevel: 'named_public', storytellerName: 'Yusuf A.' }, 'COORDINATOR'),
        'published',
      );
      const exported = async (role: DemoRole) => {
        const response = await api.app
          .getHttpAdapter()
          .getInstance()
          .inject({ method: 'GET', url: '/export/stories.csv', headers: { authorization: `Bearer ${await api.tokenFor(role)}` } });
        expect(response.statusCode).toBe(200);
        return response.body.includes(story.id);
      };
      const paths = async (role: DemoRole) => ({
        list: JSON.stringify((await as(role, '{ stories(first: 200) { nodes { id } } }')).data).includes(story.id),
        search: JSON.stringify((await as(role, `{ stories(filter: { search: "${title}" }) { nodes { id } } }`)).data).includes(story.id),
        byId: !(await as(role, `{ story(id: "${story.id}") { id } }`)).errors,
        timeline: !(await as(role, `{ timeline(subjectType: Story, subjectId: "${story.id}") { nodes { kind } } }`)).errors,
        export: await exported(role),
      });
      const counts = async () =>
        ok<{ storyCounts: { kind: string; status: string; count: number }[] }>(await as('FUNDER', '{ storyCounts { kind status count } }')).storyCounts.find(
          (c) => c.kind === 'entrepreneurial' && c.status === 'published',
        )?.count ?? 0;
      const onPublicPage = async () =>
        ok<{ publicStories: { id: string }[] }>(await as('ANONYMOUS', '{ publicStories(first: 100) { id } }')).publicStories.some((s) => s.id === story.id);

      for (const role of ['STAFF', 'COORDINATOR'] as const)
        expect(await paths(role)).toEqual({ list: true, search: true, byId: true, timeline: true, export: true });
      expect(await onPublicPage()).toBe(true);
      const before = await counts();

      ok(await withdraw('COORDINATOR', story));
      for (const role of ['STAFF', 'COORDINATOR'] as const)
        expect(await paths(role)).toEqual({ list: false, search: false, byId: false, timeline: false, export: false });
      expect(await onPublicPage()).toBe(false);
      expect(await counts()).toBe(before - 1);
      // ADMIN keeps it, marked withdrawn, text included.
      const admin = ok<{ story: { withdrawn: boolean; text: string } }>(await as('ADMIN', `{ story(id: "${story.id}") { withdrawn text } }`)).story;
      expect(admin).toEqual({ withdrawn: true, text: 'A welding business in Hamilton.' });
      // Nobody but ADMIN can act on it any more (it reads as missing); ADMIN cannot change it.
      expect(errorCode(await review('STAFF', { id: story.id, version: await version(story.id) }, 'approved'))).toBe('NOT_FOUND');
      expect((await review('ADMIN', { id: story.id, version: await version(story.id) }, 'approved')).errors?.[0].extensions?.fields).toEqual([
        expect.objectContaining({ code: 'storyWithdrawn' }),
      ]);
    });

    it('a story out of scope or missing cannot be withdrawn, and both answer the same', async () => {
      const quebec = await createStory(api, { provinceCode: 'QC' }, 'COORDINATOR_QC');
      const missing = await withdraw('COORDINATOR', { id: '00000000-0000-4000-8000-000000000001', version: 1 });
      const outOfScope = await withdraw('COORDINATOR', quebec);
      expect(answerOf(outOfScope)).toBe(answerOf(missing));
      expect(await version(quebec.id)).toBe(quebec.version);
    });
  });

  describe('erasure', () => {
    it('removes the text and the storyteller, keeps a tombstone, and no audit entry ever held the text', async () => {
      const text = `Erase-me text ${Date.now()}: a nurse who trained others in Regina.`;
      const storyteller = await createPerson(api, { firstName: 'Hodan', lastName: 'Ali', provinceCode: 'SK' });
      let story = await createStory(api, { text, provinceCode: 'SK', storytellerName: 'Hodan Ali', storytellerPersonId: storyteller.id });
      story = ok<{ updateStory: CreatedStory }>(await update('STAFF', { id: story.id, version: story.version, text: `${text} Edited.` })).updateStory;
      ok(await withdraw('STAFF', story));
      const erased = ok<{ eraseStory: { erasedAt: string | null } }>(await erase('ADMIN', { id: story.id, version: await version(story.id) })).eraseStory;
      expect(erased.erasedAt).not.toBeNull();
      const [row] = await api.dataSource.query(
        `SELECT title, text, storyteller_name, storyteller_person_id, consent_note, erased_at, withdrawn_at FROM story WHERE id = $1`,
        [story.id],
      );
      expect(row).toMatchObject({ title: null, text: null, storyteller_name: null, storyteller_person_id: null, consent_note: null });
      expect(row.withdrawn_at).not.toBeNull();
      const entries: { action: string; changes: Record<string, unknown> }[] = await api.dataSource.query(
        `SELECT action, changes FROM audit_entry WHERE subject_type = 'Story' AND subject_id = $1 ORDER BY id`,
        [story.id],
      );
      expect(entries.map((e) => e.action)).toEqual(['story.create', 'story.update', 'story.withdraw', 'story.erase']);
      expect(entries[3].changes).toEqual({ erased: { from: false, to: true } });
      const all = JSON.stringify(entries);
      for (const secret of ['Erase-me', 'Hodan', storyteller.id, 'A bakery']) expect(all).not.toContain(secret);
      // ADMIN still sees the tombstone, without its text.
      const tomb = ok<{ story: Record<string, unknown> }>(
        await as('ADMIN', `{ story(id: "${story.id}") { title text storytellerName withdrawn erasedAt } }`),
      ).story;
      expect(tomb).toMatchObject({ title: null, text: null, storytellerName: null, withdrawn: true });
    });

    it('staff may erase a story still in consent: it is withdrawn and erased at once', async () => {
      const story = await reviewTo(api, await createStory(api, {}), 'published');
      ok(await erase('STAFF', story));
      expect(errorCode(await as('STAFF', `{ story(id: "${story.id}") { id } }`))).toBe('NOT_FOUND');
      expect(JSON.stringify(ok(await as('ANONYMOUS', '{ publicStories { id } }')))).not.toContain(story.id);
    });
  });

  describe('the public page', () => {
    it('shows published stories only, anonymised ones with nothing identifying, named ones with the name only', async () => {
      const org = (await api.dataSource.query(`SELECT id FROM organization LIMIT 1`))[0]?.id ?? null;
      const anonymous = await reviewTo(
        api,
        await createStory(api, { title: 'Anon story', storytellerName: 'Secret Name', organizationId: org, language: 'fr' }),
        'published',
      );
      const named = await reviewTo(
        api,
        await createStory(api, { title: 'Named story', consentLevel: 'named_public', storytellerName: 'Leila Haddad' }),
        'published',
      );
      const approved = await reviewTo(api, await createStory(api, { title: 'Approved only' }), 'approved');
      const draft = await createStory(api, { title: 'Draft only' });
      const stories = ok<{ publicStories: Record<string, unknown>[] }>(
        await as('ANONYMOUS', '{ publicStories(first: 100) { id kind language title text storytellerName publishedAt } }'),
      ).publicStories;
      const byId = new Map(stories.map((s) => [s.id as string, s]));
      expect(byId.get(anonymous.id)).toMatchObject({ title: 'Anon story', storytellerName: null, language: 'fr' });
      expect(JSON.stringify(byId.get(anonymous.id))).not.toContain('Secret Name');
      expect(byId.get(named.id)).toMatchObject({ title: 'Named story', storytellerName: 'Leila Haddad' });
      expect(byId.has(approved.id) || byId.has(draft.id)).toBe(false);
      // By language.
      const french = ok<{ publicStories: { id: string; language: string }[] }>(
        await as('ANONYMOUS', '{ publicStories(language: fr) { id language } }'),
      ).publicStories;
      expect(french.every((s) => s.language === 'fr') && french.some((s) => s.id === anonymous.id)).toBe(true);
      // The type has the public fields and nothing else: no storyteller id, gatherer, organization or place to ask for.
      const type = ok<{ __type: { fields: { name: string }[] } }>(await as('ANONYMOUS', '{ __type(name: "PublicStory") { fields { name } } }')).__type;
      expect(type.fields.map((f) => f.name).sort()).toEqual(['id', 'kind', 'language', 'publishedAt', 'storytellerName', 'text', 'title']);
      // Anonymous callers reach nothing else of stories.
      expect(errorCode(await as('ANONYMOUS', `{ story(id: "${anonymous.id}") { id } }`))).toBe('UNAUTHENTICATED');
    });
  });
});
