import { createHash, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor, AppAbility } from '@crm/authz';
import { CampaignService } from '@crm/campaigns';
import { IsoDate, LogOutreachInput, outreachChannelValues, outreachOutcomeValues, type OutreachChannel, type OutreachOutcome } from '@crm/contracts';
import { EngagementService } from '@crm/engagement';
import { PersonBulkRepository } from '@crm/people';
import { ConflictException, problemMessage, type RequestContext } from '@crm/platform';
import {
  catalogueLabels,
  commonImportFields,
  inputBuilder,
  normalizeWords,
  oneOf,
  optionsOf,
  readDate,
  readOne,
  TransferRegistry,
  vocabularyReader,
  type FieldCells,
  type ImportFieldSpec,
  type ImportReport,
  type ImportTarget,
  type ImportWritten,
  type RowInput,
} from '@crm/records';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { OutreachRepository } from './outreach.repository';

// Outreach history from a spreadsheet (issue 11, decision 058): one row is one contact
// with a person already in the CRM. The row names the person by e-mail, else by name
// and city; it is recorded under a client id derived from what it says, so importing
// the same file again records nothing twice; the ladder places the people again in the
// chunk's transaction, as logOutreach does.

const channelLabels = catalogueLabels<OutreachChannel>(outreachChannelValues, (code) => `outreach.channel.${code}`);
const outcomeLabels = catalogueLabels<OutreachOutcome>(outreachOutcomeValues, (code) => `outreach.outcome.${code}`);
export const readChannel = vocabularyReader(channelLabels, {
  phone: 'call',
  'phone call': 'call',
  telephone: 'call',
  téléphone: 'call',
  appel: 'call',
  'e mail': 'email',
  mail: 'email',
  'in person': 'meeting',
  'en personne': 'meeting',
  visit: 'meeting',
  social: 'social',
});
export const readOutcome = vocabularyReader(outcomeLabels, {
  'no reply': 'noAnswer',
  'no response': 'noAnswer',
  'pas de reponse': 'noAnswer',
  'follow up': 'followUpNeeded',
  'a relancer': 'followUpNeeded',
  'not interested': 'declined',
  interesse: 'interested',
  interessee: 'interested',
  engage: 'committed',
  engagee: 'committed',
});

export const outreachImportFields: ImportFieldSpec[] = [
  { name: 'email', labelEn: 'E-mail', labelFr: 'Courriel', headers: ['Email', 'E-mail', 'Email Address', 'Person Email', 'Courriel', 'Adresse courriel'] },
  { name: 'firstName', labelEn: 'First name', labelFr: 'Prénom', headers: ['First Name', 'First', 'Given Name', 'Prénom'] },
  { name: 'lastName', labelEn: 'Last name', labelFr: 'Nom', headers: ['Last Name', 'Last', 'Surname', 'Family Name', 'Nom', 'Nom de famille'] },
  commonImportFields.city,
  { name: 'campaign', labelEn: 'Campaign', labelFr: 'Campagne', headers: ['Campaign', 'Campaign Name', 'Campagne', 'Nom de la campagne'] },
  {
    name: 'channel',
    labelEn: 'Channel',
    labelFr: 'Moyen',
    required: true,
    headers: ['Channel', 'Method', 'Contact Method', 'Type of Contact', 'Moyen', 'Canal', 'Mode de contact'],
  },
  { name: 'outcome', labelEn: 'Outcome', labelFr: 'Résultat', required: true, headers: ['Outcome', 'Result', 'Résultat', 'Issue'] },
  {
    name: 'occurredOn',
    labelEn: 'Date',
    labelFr: 'Date',
    required: true,
    headers: ['Date', 'Contact Date', 'Occurred On', 'Date of Contact', 'Date du contact', 'Date de la démarche'],
  },
  commonImportFields.notes,
];

/** A recorded contact as an import writes it (with what its scope and timelines read). */
export interface OutreachImportState {
  id: string;
  version: number;
  clientId: string;
  personId: string;
  campaignId: string;
  channel: OutreachChannel;
  outcome: OutreachOutcome;
  occurredOn: string;
  notes: string | null;
  /** The person's province: the outreach's, for the access rules. */
  provinceCode: string;
  createdById: string;
  /** Filled when written: the person's organizations, whose timelines tell of it too. */
  organizationIds: string[];
}

interface PersonMatch {
  id: string;
  provinceCode: string;
}

export interface OutreachImportLookups {
  /** lower-case e-mail → the people the caller may read with it */
  byEmail: Map<string, PersonMatch[]>;
  /** first, last, city (as written) → the people the caller may read with that name in that city */
  byName: Map<string, PersonMatch[]>;
  /** a campaign's English or French name, normalised → its id */
  campaigns: Map<string, string>;
  defaultCampaignId: string | null;
}

// The form's schema, plus the province of the person the row names (where the outreach is, for scope).
const OutreachImportInput = LogOutreachInput.safeExtend({ clientId: z.guid(), campaignId: z.guid(), occurredOn: IsoDate, provinceCode: z.string() });

const nameKey = (first: string, last: string, city: string) => [first, last, city].join('\u0000');

/** The same row, read the same way, gives the same id: a file imported twice records nothing twice. */
export function outreachClientId(values: {
  personId: string;
  campaignId: string;
  channel: string;
  outcome: string;
  occurredOn: string;
  notes?: string | null;
}): string {
  const hash = createHash('sha256')
    .update(['outreach-import', values.personId, values.campaignId, values.channel, values.outcome, values.occurredOn, values.notes ?? ''].join('\u0000'))
    .digest('hex');
  // Shaped as a UUID (version 8: custom), as client ids are.
  const variant = ((parseInt(hash[16], 16) & 0x3) | 0x8).toString(16);
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-8${hash.slice(13, 16)}-${variant}${hash.slice(17, 20)}-${hash.slice(20, 32)}`;
}

@Injectable()
export class OutreachImportTarget implements ImportTarget<OutreachImportState, OutreachImportLookups>, OnModuleInit {
  readonly kind = 'outreach';
  readonly subject = 'Outreach' as const;
  readonly label = { en: 'Outreach history', fr: 'Historique des contacts' };
  readonly fields = outreachImportFields;
  readonly noun = { one: 'outreach', many: 'outreach entries' };
  readonly matchField = 'email';
  readonly schema = OutreachImportInput;
  readonly schemaFields = { personId: null, provinceCode: null, clientId: null, campaignId: 'campaign' };
  /** Recorded contacts are history: a row already imported is skipped, never changed. */
  readonly createOnly = true;
  // Notes are about a person: the audit log says they changed, not what they say.
  readonly audit = { action: 'outreach', masked: ['notes'] };

  constructor(
    private readonly outreach: OutreachRepository,
    private readonly people: PersonBulkRepository,
    private readonly campaigns: CampaignService,
    private readonly engagement: EngagementService,
    private readonly registry: TransferRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.registerImport(this);
  }

  async lookups(manager: EntityManager, actor: RequestContext, rows: FieldCells[]): Promise<OutreachImportLookups> {
    const one = (fields: FieldCells, name: string) => fields.get(name)?.[0];
    const emails = [...new Set(rows.flatMap((fields) => (one(fields, 'email') ? [one(fields, 'email')!.toLowerCase()] : [])))];
    const named = rows
      .filter((fields) => !one(fields, 'email') && one(fields, 'firstName') && one(fields, 'lastName'))
      .map((fields) => ({ firstName: one(fields, 'firstName')!, lastName: one(fields, 'lastName')!, city: one(fields, 'city') ?? '' }));
    const byEmail = new Map<string, PersonMatch[]>(emails.map((email) => [email, []]));
    for (const person of await this.people.byEmails(manager, actor.ability, emails, false)) {
      for (const email of person.emails) byEmail.get(email.toLowerCase())?.push({ id: person.id, provinceCode: person.provinceCode });
    }
    const found = await this.people.byNameAndCity(manager, actor.ability, named);
    const byName = new Map(named.map((c, i) => [nameKey(c.firstName, c.lastName, c.city), found[i]]));
    const campaigns = new Map<string, string>();
    for (const campaign of await this.campaigns.list()) {
      campaigns.set(normalizeWords(campaign.nameEn), campaign.id);
      campaigns.set(normalizeWords(campaign.nameFr), campaign.id);
      campaigns.set(normalizeWords(campaign.slug), campaign.id);
    }
    return { byEmail, byName, campaigns, defaultCampaignId: await this.campaigns.defaultCampaignId() };
  }

  read(fields: FieldCells, lookups: OutreachImportLookups, _vocabulary: unknown, problem: ImportReport) {
    const { input, provided, set, one } = inputBuilder(fields);
    const person = this.person(fields, lookups, problem);
    if (person) {
      set('personId', person.id);
      set('provinceCode', person.provinceCode);
    }
    const campaign = one('campaign');
    const campaignId = campaign ? lookups.campaigns.get(normalizeWords(campaign)) : lookups.defaultCampaignId;
    if (campaignId) set('campaignId', campaignId);
    else problem('campaign', campaign ? `no campaign named “${campaign}”` : 'no campaign named and no default campaign', { code: 'campaignUnknown' });
    readOne(
      one('channel'),
      readChannel,
      (v) => set('channel', v),
      () => problem('channel', `must be one of: ${optionsOf(channelLabels)}`, oneOf(channelLabels)),
    );
    readOne(
      one('outcome'),
      readOutcome,
      (v) => set('outcome', v),
      () => problem('outcome', `must be one of: ${optionsOf(outcomeLabels)}`, oneOf(outcomeLabels)),
    );
    const date = one('occurredOn');
    if (date === undefined) problem('occurredOn', problemMessage({ code: 'required' }), { code: 'required' });
    readOne(
      date,
      readDate,
      (v) => set('occurredOn', v),
      () => problem('occurredOn', 'must be a date like 2024-06-20', { code: 'date' }),
    );
    if (fields.get('notes')) set('notes', fields.get('notes')!.join('\n'));
    if (input.personId && input.campaignId && input.channel && input.outcome && input.occurredOn) {
      input.clientId = outreachClientId(input as Parameters<typeof outreachClientId>[0]);
    }
    return { input, provided };
  }

  /** The person a row names: by e-mail, else by first and last name and city; none or several is the row's problem. */
  private person(fields: FieldCells, lookups: OutreachImportLookups, problem: ImportReport): PersonMatch | null {
    const email = fields.get('email')?.[0];
    const [first, last] = [fields.get('firstName')?.[0], fields.get('lastName')?.[0]];
    const city = fields.get('city')?.[0] ?? '';
    const field = email ? 'email' : 'lastName';
    if (!email && !(first && last)) {
      problem('email', 'names no person: give their e-mail, or their first and last name and city', { code: 'personUnknown' });
      return null;
    }
    const found = email ? (lookups.byEmail.get(email.toLowerCase()) ?? []) : (lookups.byName.get(nameKey(first!, last!, city)) ?? []);
    const named = email ? `“${email}”` : `“${first} ${last}”${city ? ` in ${city}` : ''}`;
    if (found.length === 1) return found[0];
    if (found.length === 0) problem(field, `no person ${named} that you can see (import or add them first)`, { code: 'personUnknown' });
    else
      problem(field, `${found.length} people match ${named}: merge them first, or give their e-mail`, {
        code: 'personAmbiguous',
        params: { count: found.length },
      });
    return null;
  }

  /** A row's key is its client id; one already recorded is skipped. */
  async match(manager: EntityManager, _ability: AppAbility, rows: (RowInput | null)[]) {
    const keys = rows.map((row) => (row?.values.clientId ? [row.values.clientId as string] : []));
    const existing = await this.outreach.byClientIds(manager, [...new Set(keys.flat())]);
    const byClientId = new Map(existing.map((row) => [row.clientId, row]));
    return {
      keys,
      matches: keys.map((ids) => ids.flatMap((id) => (byClientId.has(id) ? [byClientId.get(id)! as unknown as OutreachImportState] : []))),
    };
  }

  newState(values: Record<string, unknown>, actor: Actor): OutreachImportState {
    const v = values as Record<string, never>;
    return {
      id: randomUUID(),
      version: 1,
      clientId: v.clientId,
      personId: v.personId,
      campaignId: v.campaignId,
      channel: v.channel,
      outcome: v.outcome,
      occurredOn: v.occurredOn,
      notes: v.notes ?? null,
      provinceCode: v.provinceCode,
      createdById: actor.id,
      organizationIds: [],
    };
  }

  scopeOf(state: OutreachImportState): Record<string, unknown> {
    return { provinceCode: state.provinceCode, createdById: state.createdById, ownerId: null };
  }

  timeline(state: OutreachImportState) {
    return {
      subjects: [
        { subjectType: 'Person' as const, subjectId: state.personId },
        ...state.organizationIds.map((id) => ({ subjectType: 'Organization' as const, subjectId: id })),
      ],
      prefix: 'outreach',
    };
  }

  /** Records the chunk's contacts, then places their people on the ladder again, in the chunk's transaction. */
  async write(manager: EntityManager, actor: RequestContext, chunk: { creates: OutreachImportState[] }): Promise<ImportWritten> {
    const rows = chunk.creates.map((s) => ({ ...s, policyAskId: null, followUpOn: null, ownerId: null }));
    // A client id recorded meanwhile (the same row logged by hand with it): the chunk is planned again.
    if ((await this.outreach.insertMany(manager, rows)) !== rows.length) throw new ConflictException();
    const personIds = [...new Set(chunk.creates.map((s) => s.personId))];
    const organizations = await this.people.organizationIdsOf(manager, personIds);
    for (const state of chunk.creates) state.organizationIds = organizations.get(state.personId) ?? [];
    await this.engagement.recompute(manager, actor, personIds);
    return {};
  }
}
