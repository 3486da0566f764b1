import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { canReadField, personalFields, type Actor, type AppAbility } from '@crm/authz';
import { CreatePersonInput, leaderCategoryValues, type LeaderCategory } from '@crm/contracts';
import { OrganizationBulkRepository, OrganizationsImportModule } from '@crm/organizations';
import { ConflictException, type RequestContext } from '@crm/platform';
import {
  catalogueLabels,
  importOwners,
  inputBuilder,
  normalizeWords,
  oneOf,
  optionsOf,
  organizationLike,
  readBoolean,
  readLanguage,
  readOne,
  readOwner,
  readProvince,
  readTags,
  splitList,
  TransferModule,
  TransferRegistry,
  vocabularyReader,
  type FieldCells,
  type ImportPending,
  type ImportReport,
  type ImportTarget,
  type ImportVocabulary,
  type ImportWritten,
  type RowInput,
  type RowProblem,
} from '@crm/records';
import type { ActivityEntry } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { PersonBulkRepository, type PersonState } from './person-bulk.repository';
import { personImportFields } from './person.transfer';

export const leaderCategoryLabels = catalogueLabels<LeaderCategory>(leaderCategoryValues, (code) => `leader.${code}`);
export const readLeaderCategory = vocabularyReader(leaderCategoryLabels, {
  elected: 'elected_municipal',
  municipal: 'elected_municipal',
  'élu / municipal': 'elected_municipal',
  religious: 'faith',
  religieux: 'faith',
});

/** What a chunk's rows name: owners by e-mail, organizations by name (as the caller sees them). */
export interface PersonImportLookups {
  /** lower-case e-mail → user id */
  owners: Map<string, string>;
  /** organization name as written → ids of visible active organizations with that name */
  organizations: Map<string, string[]>;
}

const scopeOf = (state: PersonState) => ({ provinceCode: state.provinceCode, ownerId: state.ownerId, createdById: state.createdById });

/**
 * People from a file (decision 058): a row is a person, matched to an existing one
 * by any shared e-mail, validated by `CreatePersonInput` (the staff form's), with
 * the organization of its "Organization" column as an affiliation.
 */
@Injectable()
export class PersonImportTarget implements ImportTarget<PersonState, PersonImportLookups>, OnModuleInit {
  readonly kind = 'people';
  readonly subject = 'Person' as const;
  readonly label = { en: 'People', fr: 'Personnes' };
  readonly fields = personImportFields;
  readonly noun = { one: 'person', many: 'people' };
  readonly matchField = 'emails';
  readonly schema = CreatePersonInput;
  readonly schemaFields = { ownerId: 'ownerEmail', affiliations: 'organizationName' };
  readonly listLimits = { emails: 5, phones: 5, tags: 20 };
  readonly audit = { action: 'person', masked: personalFields.Person };

  constructor(
    private readonly people: PersonBulkRepository,
    private readonly organizations: OrganizationBulkRepository,
    private readonly registry: TransferRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerImport(this);
  }

  async lookups(manager: EntityManager, actor: RequestContext, rows: FieldCells[]): Promise<PersonImportLookups> {
    const names = [...new Set(rows.flatMap((fields) => fields.get('organizationName') ?? []))];
    return { owners: await importOwners(manager, actor, rows), organizations: await this.organizations.idsByName(manager, actor.ability, names) };
  }

  read(fields: FieldCells, lookups: PersonImportLookups, vocabulary: ImportVocabulary, problem: ImportReport) {
    const { input, provided, set, one } = inputBuilder(fields);

    const contactType = one('contactType');
    if (contactType && organizationLike.has(normalizeWords(contactType))) {
      problem('contactType', `is “${contactType}”: import organizations from an organizations file`, {
        code: 'importOrganizationRow',
        params: { value: contactType },
      });
    }
    const firstName = one('firstName');
    input.firstName = firstName ?? '';
    if (firstName) provided.add('firstName');
    if (one('lastName')) set('lastName', one('lastName'));
    readOne(
      one('preferredLanguage'),
      readLanguage,
      (v) => set('preferredLanguage', v),
      () => problem('preferredLanguage', 'must be English or French (en, fr)', { code: 'importLanguage' }),
    );
    const emails = splitList(fields.get('emails') ?? [], /[;,\s]+/);
    if (emails.length) set('emails', emails);
    const phones = splitList(fields.get('phones') ?? [], /\s*(?:;|\n|\s\/\s)\s*/);
    if (phones.length) set('phones', phones);
    readOne(
      one('leaderCategory'),
      readLeaderCategory,
      (v) => set('leaderCategory', v),
      () => problem('leaderCategory', `must be one of: ${optionsOf(leaderCategoryLabels)}`, oneOf(leaderCategoryLabels)),
    );
    readProvince(one('provinceCode'), vocabulary, (v) => set('provinceCode', v), problem);
    if (one('city')) set('city', one('city'));
    readOwner(one('ownerEmail'), lookups.owners, (v) => set('ownerId', v), problem);
    for (const field of ['consentEmail', 'consentPhone', 'doNotContact', 'livedExperience']) {
      readOne(
        one(field),
        readBoolean,
        (v) => set(field, v),
        () => problem(field, 'must be yes or no', { code: 'importYesNo' }),
      );
    }
    // CiviCRM says "Do Not Email = 1"; its 0 is no consent either.
    readOne(
      one('doNotEmail'),
      readBoolean,
      (v) => v && set('consentEmail', false),
      () => problem('doNotEmail', 'must be yes or no', { code: 'importYesNo' }),
    );
    readOne(
      one('doNotPhone'),
      readBoolean,
      (v) => v && set('consentPhone', false),
      () => problem('doNotPhone', 'must be yes or no', { code: 'importYesNo' }),
    );
    readTags(fields.get('tags'), vocabulary, (v) => set('tags', v), problem);
    if (fields.get('notes')) set('notes', fields.get('notes')!.join('\n'));
    const organizationName = one('organizationName');
    if (organizationName) {
      const ids = lookups.organizations.get(organizationName) ?? [];
      if (ids.length === 1) set('affiliations', [{ organizationId: ids[0], title: one('jobTitle') ?? null }]);
      else if (ids.length === 0)
        problem('organizationName', `no organization named “${organizationName}” that you can see (import organizations first, or leave this column out)`, {
          code: 'importOrganizationNone',
          params: { value: organizationName },
        });
      else
        problem('organizationName', `several organizations are named “${organizationName}”: merge them first, or leave this column out`, {
          code: 'importOrganizationSeveral',
          params: { value: organizationName },
        });
    }
    return { input, provided };
  }

  /** A row's keys are its e-mails (any shared e-mail is the same person). */
  async match(manager: EntityManager, ability: AppAbility, rows: (RowInput | null)[], lock: boolean) {
    const keys = rows.map((row) => ((row?.values.emails as string[] | undefined) ?? []).map((e) => e.toLowerCase()));
    const people = await this.people.byEmails(manager, ability, [...new Set(keys.flat())], lock);
    const byEmail = new Map<string, PersonState[]>();
    for (const person of people) for (const email of person.emails) byEmail.set(email.toLowerCase(), [...(byEmail.get(email.toLowerCase()) ?? []), person]);
    return { keys, matches: keys.map((emails) => emails.flatMap((email) => byEmail.get(email) ?? [])) };
  }

  newState(values: Record<string, unknown>, actor: Actor): PersonState {
    const v = values as Record<string, never>;
    return {
      id: randomUUID(),
      firstName: v.firstName,
      lastName: v.lastName ?? '',
      preferredLanguage: v.preferredLanguage ?? 'en',
      emails: v.emails ?? [],
      phones: v.phones ?? [],
      leaderCategory: v.leaderCategory ?? null,
      provinceCode: v.provinceCode,
      city: v.city ?? null,
      // A coordinator looks after the people they add, unless the file names someone else (as createPerson).
      ownerId: values.ownerId !== undefined ? v.ownerId : actor.role === 'COORDINATOR' ? actor.id : null,
      createdById: actor.id,
      consentEmail: v.consentEmail ?? false,
      consentPhone: v.consentPhone ?? false,
      doNotContact: v.doNotContact ?? false,
      livedExperience: v.livedExperience ?? false,
      tags: v.tags ?? [],
      notes: v.notes ?? null,
      version: 1,
    };
  }

  scopeOf(state: PersonState): Record<string, unknown> {
    return scopeOf(state);
  }

  createProblem(ability: AppAbility, state: PersonState): RowProblem | null {
    if (state.livedExperience && !canReadField(ability, 'create', 'Person', 'livedExperience', scopeOf(state))) {
      return { field: 'livedExperience', column: null, message: 'may be recorded only by national staff or the person’s owner', code: 'importLivedExperience' };
    }
    return null;
  }

  updateProblem(ability: AppAbility, original: PersonState, next: PersonState): RowProblem | null {
    if (next.livedExperience !== original.livedExperience && !canReadField(ability, 'update', 'Person', 'livedExperience', scopeOf(original))) {
      return { field: 'livedExperience', column: null, message: 'may be changed only by national staff or the person’s owner', code: 'importLivedExperience' };
    }
    return null;
  }

  links(values: Record<string, unknown>): Map<string, string | null> {
    const list = (values.affiliations as { organizationId: string; title?: string | null }[] | undefined) ?? [];
    return new Map(list.map((a) => [a.organizationId, a.title ?? null]));
  }

  async write(
    manager: EntityManager,
    _actor: RequestContext,
    chunk: { creates: PersonState[]; updates: PersonState[]; pendings: ImportPending<PersonState>[] },
  ): Promise<ImportWritten> {
    await this.people.insertMany(manager, chunk.creates);
    if ((await this.people.updateManyVersioned(manager, chunk.updates)) !== chunk.updates.length) throw new ConflictException();
    return this.writeAffiliations(manager, chunk.pendings);
  }

  /** Affiliations from the file: written, and on the organizations' timelines when new; each person's audit says which were added. */
  private async writeAffiliations(manager: EntityManager, pendings: ImportPending<PersonState>[]): Promise<ImportWritten> {
    const wanted = pendings.flatMap((p) => [...p.links].map(([organizationId, title]) => ({ personId: p.state.id, organizationId, title })));
    const added = new Map<string, string[]>();
    const activity: ActivityEntry[] = [];
    if (wanted.length === 0) return {};
    const existing = await this.people.existingAffiliations(manager, [...new Set(wanted.map((a) => a.personId))]);
    await this.people.upsertAffiliations(manager, wanted);
    for (const a of wanted) {
      if (existing.has(`${a.personId}|${a.organizationId}`)) continue;
      added.set(a.personId, [...(added.get(a.personId) ?? []), a.organizationId]);
      activity.push({
        subjectType: 'Organization',
        subjectId: a.organizationId,
        kind: 'affiliation.added',
        recordType: 'Person',
        recordId: a.personId,
        summary: { personId: a.personId },
      });
    }
    return { activity, auditExtras: new Map([...added].map(([id, organizations]) => [id, { addedAffiliations: organizations }])) };
  }
}

/** People's import, for any process that runs imports (the API and the worker): registers the target. */
@Module({
  imports: [OrganizationsImportModule, TransferModule],
  providers: [PersonBulkRepository, PersonImportTarget],
  exports: [PersonBulkRepository],
})
export class PeopleImportModule {}
