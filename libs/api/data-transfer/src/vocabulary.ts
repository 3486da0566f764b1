import {
  engagementStageValues,
  leaderCategoryValues,
  membershipValues,
  organizationKindValues,
  type EngagementStage,
  type LeaderCategory,
  type Membership,
  type OrganizationKind,
} from '@crm/contracts';
import { catalogueLabels, languageLabels, normalizeWords, type Labels } from '@crm/records';

// How an import reads coded values: the code itself, or its English or French
// label as files and screens show it (@crm/i18n), in any case or accents.

export { normalizeWords };
export const leaderCategoryLabels = catalogueLabels<LeaderCategory>(leaderCategoryValues, (code) => `leader.${code}`);
export const engagementStageLabels = catalogueLabels<EngagementStage>(engagementStageValues, (code) => `stage.${code}`);
export const organizationKindLabels = catalogueLabels<OrganizationKind>(organizationKindValues, (code) => `orgKind.${code}`);
export const membershipLabels = catalogueLabels<Membership>(membershipValues, (code) => `membership.${code}`);

/** A reader for one coded vocabulary: the code itself, or its English or French label, in any case or accents. */
export function vocabularyReader<C extends string>(labels: Record<C, Labels>, synonyms: Record<string, C> = {}): (text: string) => C | null {
  const byWords = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [C, Labels][]) {
    byWords.set(normalizeWords(code), code);
    byWords.set(normalizeWords(label.en), code);
    byWords.set(normalizeWords(label.fr), code);
  }
  for (const [word, code] of Object.entries(synonyms)) byWords.set(normalizeWords(word), code);
  return (text) => byWords.get(normalizeWords(text)) ?? null;
}

export const readLeaderCategory = vocabularyReader(leaderCategoryLabels, {
  elected: 'elected_municipal',
  municipal: 'elected_municipal',
  'élu / municipal': 'elected_municipal',
  religious: 'faith',
  religieux: 'faith',
});
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
export const readLanguage = vocabularyReader(languageLabels, {
  english: 'en',
  anglais: 'en',
  'en us': 'en',
  'en ca': 'en',
  'en gb': 'en',
  'english canada': 'en',
  'english united states': 'en',
  french: 'fr',
  francais: 'fr',
  'fr ca': 'fr',
  'fr fr': 'fr',
  'french canada': 'fr',
  'french france': 'fr',
});

const truthy = new Set(['yes', 'y', 'true', 't', '1', 'x', 'oui', 'o', 'vrai', 'v']);
const falsy = new Set(['no', 'n', 'false', 'f', '0', 'non', 'faux']);

/** Spreadsheet booleans: yes/no, true/false, 1/0, x, oui/non, vrai/faux. null when it is none of them. */
export function readBoolean(text: string): boolean | null {
  const word = normalizeWords(text);
  if (truthy.has(word)) return true;
  if (falsy.has(word)) return false;
  return null;
}
