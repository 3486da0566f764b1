import { randomUUID } from 'node:crypto';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { personalFields, type Actor, type AppAbility } from '@crm/authz';
import {
  CreateOrganizationInput,
  membershipValues,
  organizationKindValues,
  postalCodeMatchesProvince,
  type Membership,
  type OrganizationKind,
} from '@crm/contracts';
import { ConflictException, type RequestContext } from '@crm/platform';
import {
  catalogueLabels,
  importOwners,
  inputBuilder,
  normalizeWords,
  oneOf,
  optionsOf,
  personLike,
  readDate,
  readOne,
  readOwner,
  readProvince,
  readTags,
  TransferModule,
  TransferRegistry,
  vocabularyReader,
  type FieldCells,
  type ImportReport,
  type ImportTarget,
  type ImportVocabulary,
  type ImportWritten,
  type RowInput,
  type RowProblem,
} from '@crm/records';
import type { EntityManager } from 'typeorm';
import { OrganizationBulkRepository, type OrganizationState } from './organization-bulk.repository';
import { organizationImportFields } from './organization.transfer';

export const organizationKindLabels = catalogueLabels<OrganizationKind>(organizationKindValues, (code) => `orgKind.${code}`);
export const membershipLabels = catalogueLabels<Membership>(membershipValues, (code) => `membership.${code}`);

export const readOrganizationKind = vocabularyReader(organizationKindLabels, {
  sah: 'sponsorship_agreement_holder',
  'settlement organization': 'settlement_agency',
  church: 'faith_community',
  'faith group': 'faith_community',
  mosque: 'faith_community',
  synagogue: 'faith_community',
  'legal aid': 'legal_clinic',
  'advocacy organization': 'advocacy_group',
  city: 'municipality',
  company: 'business',
  organization: 'other',
  organisation: 'other',
});
export const readMembership = vocabularyReader(membershipLabels, {
  'current member': 'member',
  expired: 'lapsed',
  expiré: 'lapsed',
  former: 'lapsed',
  partner: 'ally',
  partenaire: 'ally',
});

/** What a chunk's rows name: owners by e-mail. */
export interface OrganizationImportLookups {
  owners: Map<string, string>;
}

/**
 * Organizations from a file (decision 058): a row is an organization, matched to an
 * existing one by the same name (English or French, normalised) in the same city,
 * validated by `CreateOrganizationInput` (the staff form's).
 */
@Injectable()
export class OrganizationImportTarget implements ImportTarget<OrganizationState, OrganizationImportLookups>, OnModuleInit {
  readonly kind = 'organizations';
  readonly subject = 'Organization' as const;
  readonly label = { en: 'Organizations', fr: 'Organismes' };
  readonly fields = organizationImportFields;
  readonly noun = { one: 'organization', many: 'organizations' };
  readonly matchField = 'nameEn';
  readonly schema = CreateOrganizationInput;
  readonly schemaFields = { ownerId: 'ownerEmail' };
  readonly listLimits = { tags: 20 };
  readonly audit = { action: 'organization', masked: [...personalFields.Organization, 'email', 'phone'] };

  constructor(
    private readonly organizations: OrganizationBulkRepository,
    private readonly registry: TransferRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerImport(this);
  }

  async lookups(manager: EntityManager, actor: RequestContext, rows: FieldCells[]): Promise<OrganizationImportLookups> {
    return { owners: await importOwners(manager, actor, rows) };
  }

  read(fields: FieldCells, lookups: OrganizationImportLookups, vocabulary: ImportVocabulary, problem: ImportReport) {
    const { input, provided, set, one } = inputBuilder(fields);

    const contactType = one('contactType');
    if (contactType && personLike.has(normalizeWords(contactType))) {
      problem('contactType', `is “${contactType}”: import people from a people file`, { code: 'importPersonRow', params: { value: contactType } });
    }
    const nameEn = one('nameEn');
    input.nameEn = nameEn ?? '';
    if (nameEn) provided.add('nameEn');
    if (one('nameFr')) set('nameFr', one('nameFr'));
    // Most files (CiviCRM's among them) have no kind: "other" until someone sets it.
    input.kind = 'other';
    readOne(
      one('kind'),
      readOrganizationKind,
      (v) => set('kind', v),
      () => problem('kind', `must be one of: ${optionsOf(organizationKindLabels)}`, oneOf(organizationKindLabels)),
    );
    readOne(
      one('membership'),
      readMembership,
      (v) => set('membership', v),
      () => problem('membership', `must be one of: ${optionsOf(membershipLabels)}`, oneOf(membershipLabels)),
    );
    readOne(
      one('membershipSince'),
      readDate,
      (v) => set('membershipSince', v),
      () => problem('membershipSince', 'must be a date like 2024-06-20', { code: 'date' }),
    );
    readProvince(one('provinceCode'), vocabulary, (v) => set('provinceCode', v), problem);
    for (const field of ['city', 'postalCode', 'email', 'phone', 'website']) if (one(field)) set(field, one(field));
    readOwner(one('ownerEmail'), lookups.owners, (v) => set('ownerId', v), problem);
    readTags(fields.get('tags'), vocabulary, (v) => set('tags', v), problem);
    if (fields.get('notes')) set('notes', fields.get('notes')!.join('\n'));
    return { input, provided };
  }

  /** A row's key is its normalised name and city. */
  async match(manager: EntityManager, ability: AppAbility, rows: (RowInput | null)[], lock: boolean) {
    const withInput = rows.map((row, i) => ({ i, values: row?.values })).filter((r) => r.values);
    const found = await this.organizations.byNameAndCity(
      manager,
      ability,
      withInput.map((r) => ({ name: r.values!.nameEn as string, city: (r.values!.city as string | null | undefined) ?? null })),
      lock,
    );
    const keys: string[][] = rows.map(() => []);
    const matches: OrganizationState[][] = rows.map(() => []);
    withInput.forEach((r, j) => {
      keys[r.i] = [found.keys[j]];
      matches[r.i] = found.matches[j];
    });
    return { keys, matches };
  }

  newState(values: Record<string, unknown>, actor: Actor): OrganizationState {
    const v = values as Record<string, never>;
    return {
      id: randomUUID(),
      nameEn: v.nameEn,
      // As createOrganization: no French name means the English one.
      nameFr: v.nameFr ?? v.nameEn,
      kind: v.kind,
      membership: v.membership ?? 'ally',
      membershipSince: v.membershipSince ?? null,
      provinceCode: v.provinceCode,
      city: v.city ?? null,
      postalCode: v.postalCode ?? null,
      email: v.email ?? null,
      phone: v.phone ?? null,
      website: v.website ?? null,
      tags: v.tags ?? [],
      notes: v.notes ?? null,
      ownerId: v.ownerId ?? null,
      createdById: actor.id,
      version: 1,
    };
  }

  scopeOf(state: OrganizationState): Record<string, unknown> {
    return { provinceCode: state.provinceCode, ownerId: state.ownerId, createdById: state.createdById, id: state.id };
  }

  updateProblem(_ability: AppAbility, _original: OrganizationState, next: OrganizationState): RowProblem | null {
    if (next.postalCode && !postalCodeMatchesProvince(next.postalCode, next.provinceCode)) {
      return {
        field: 'postalCode',
        column: null,
        message: `${next.postalCode} is not a postal code of ${next.provinceCode}`,
        code: 'postalCodeProvince',
        params: { province: next.provinceCode },
      };
    }
    return null;
  }

  afterMerge(before: OrganizationState, next: OrganizationState, provided: string[]): OrganizationState {
    // The French name followed the English one; keep it that way.
    return provided.includes('nameEn') && !provided.includes('nameFr') && before.nameFr === before.nameEn ? { ...next, nameFr: next.nameEn } : next;
  }

  async write(manager: EntityManager, _actor: RequestContext, chunk: { creates: OrganizationState[]; updates: OrganizationState[] }): Promise<ImportWritten> {
    await this.organizations.insertMany(manager, chunk.creates);
    if ((await this.organizations.updateManyVersioned(manager, chunk.updates)) !== chunk.updates.length) throw new ConflictException();
    return {};
  }
}

/** Organizations' import, for any process that runs imports (the API and the worker): registers the target, and lends people its bulk reads. */
@Module({
  imports: [TransferModule],
  providers: [OrganizationBulkRepository, OrganizationImportTarget],
  exports: [OrganizationBulkRepository],
})
export class OrganizationsImportModule {}
