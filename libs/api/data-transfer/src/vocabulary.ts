import type { EngagementStage, LeaderCategory, Membership, OrganizationKind } from '@crm/contracts';

// EN/FR labels of coded values, as they appear in exported files and as an
// import accepts them (besides the codes themselves). A CSV is a document for
// spreadsheets, so its cells say "Faith" / "Foi", not "faith".
// TODO(i18n): move to @crm/i18n once the catalogues carry these labels.

export type Labels = { en: string; fr: string };

export const leaderCategoryLabels: Record<LeaderCategory, Labels> = {
  faith: { en: 'Faith', fr: 'Foi' },
  business: { en: 'Business', fr: 'Affaires' },
  elected_municipal: { en: 'Elected / municipal', fr: 'Élu / municipal' },
  education: { en: 'Education', fr: 'Éducation' },
  media: { en: 'Media', fr: 'Médias' },
  community: { en: 'Community', fr: 'Communauté' },
  lived_experience: { en: 'Lived experience', fr: 'Expérience vécue' },
};

export const engagementStageLabels: Record<EngagementStage, Labels> = {
  identified: { en: 'Identified', fr: 'Repéré' },
  contacted: { en: 'Contacted', fr: 'Contacté' },
  engaged: { en: 'Engaged', fr: 'Mobilisé' },
  committed: { en: 'Committed', fr: 'Engagé' },
  champion: { en: 'Champion', fr: 'Champion' },
};

export const organizationKindLabels: Record<OrganizationKind, Labels> = {
  settlement_agency: { en: 'Settlement agency', fr: "Organisme d'établissement" },
  sponsorship_agreement_holder: { en: 'Sponsorship agreement holder', fr: "Signataire d'entente de parrainage" },
  faith_community: { en: 'Faith community', fr: 'Communauté de foi' },
  legal_clinic: { en: 'Legal clinic', fr: 'Clinique juridique' },
  advocacy_group: { en: 'Advocacy group', fr: 'Groupe de défense des droits' },
  youth_group: { en: 'Youth group', fr: 'Groupe de jeunes' },
  municipality: { en: 'Municipality', fr: 'Municipalité' },
  business: { en: 'Business', fr: 'Entreprise' },
  other: { en: 'Other', fr: 'Autre' },
};

export const membershipLabels: Record<Membership, Labels> = {
  member: { en: 'Member', fr: 'Membre' },
  associate: { en: 'Associate', fr: 'Associé' },
  ally: { en: 'Ally', fr: 'Allié' },
  lapsed: { en: 'Lapsed', fr: 'Expiré' },
};

export const languageLabels: Record<'en' | 'fr', Labels> = {
  en: { en: 'English', fr: 'Anglais' },
  fr: { en: 'French', fr: 'Français' },
};

export const yesNo: Record<'yes' | 'no', Labels> = { yes: { en: 'Yes', fr: 'Oui' }, no: { en: 'No', fr: 'Non' } };

/** Lower case, no accents, words joined by single spaces: "État/Province" → "etat province". */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

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

export const readLeaderCategory = vocabularyReader(leaderCategoryLabels, { elected: 'elected_municipal', municipal: 'elected_municipal', religious: 'faith', religieux: 'faith' });
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
export const readMembership = vocabularyReader(membershipLabels, { 'current member': 'member', expired: 'lapsed', former: 'lapsed', partner: 'ally', partenaire: 'ally' });
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
