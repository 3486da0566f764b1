import { normalizeWords } from '../vocabulary';

export const importKinds = ['people', 'organizations'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportFieldSpec {
  name: string;
  labelEn: string;
  labelFr: string;
  /** A row without a value here is invalid. */
  required?: boolean;
  /** Several columns may feed it (Email, Email 2…), and a cell may hold several values separated by ";". */
  multiple?: boolean;
  /** Column names it is guessed from, in English and French (CiviCRM's export among them); compared without case, accents or punctuation. */
  headers: string[];
}

const contactType: ImportFieldSpec = {
  name: 'contactType',
  labelEn: 'Contact type',
  labelFr: 'Type de contact',
  headers: ['Contact Type', 'Type de contact', 'Type du contact'],
};
const province: ImportFieldSpec = {
  name: 'provinceCode',
  labelEn: 'Province',
  labelFr: 'Province',
  required: true,
  headers: [
    'State/Province',
    'State / Province',
    'Province',
    'State',
    'Province/Territory',
    'Province or territory',
    'Province Code',
    'Prov',
    'État/Province',
    'Province ou territoire',
    'Province/territoire',
    'Code de province',
  ],
};
const city: ImportFieldSpec = {
  name: 'city',
  labelEn: 'City',
  labelFr: 'Ville',
  headers: ['City', 'Town', 'Municipality', 'Ville', 'Municipalité', 'Localité'],
};
const tags: ImportFieldSpec = {
  name: 'tags',
  labelEn: 'Tags',
  labelFr: 'Étiquettes',
  multiple: true,
  headers: ['Tags', 'Tag', 'Tag(s)', 'Keywords', 'Étiquettes', 'Étiquette', 'Mots-clés', 'Mots clés'],
};
const notes: ImportFieldSpec = {
  name: 'notes',
  labelEn: 'Notes',
  labelFr: 'Notes',
  multiple: true,
  headers: ['Notes', 'Note', 'Note(s)', 'Comments', 'Comment', 'Remarques', 'Commentaires', 'Commentaire'],
};
const ownerEmail: ImportFieldSpec = {
  name: 'ownerEmail',
  labelEn: 'Owner e-mail',
  labelFr: 'Courriel du responsable',
  headers: ['Owner', 'Owner Email', 'Owner E-mail', 'Assigned To', 'Responsable', 'Courriel du responsable'],
};

export const personImportFields: ImportFieldSpec[] = [
  {
    name: 'firstName',
    labelEn: 'First name',
    labelFr: 'Prénom',
    required: true,
    headers: ['First Name', 'Given Name', 'Firstname', 'First', 'Prénom', 'Prenom'],
  },
  { name: 'lastName', labelEn: 'Last name', labelFr: 'Nom', headers: ['Last Name', 'Surname', 'Family Name', 'Lastname', 'Last', 'Nom', 'Nom de famille'] },
  {
    name: 'emails',
    labelEn: 'E-mails',
    labelFr: 'Courriels',
    multiple: true,
    headers: [
      'Email',
      'E-mail',
      'Emails',
      'Email Address',
      'Email (Primary)',
      'Primary Email',
      'Email 2',
      'Other Email',
      'Work Email',
      'Home Email',
      'Courriel',
      'Courriels',
      'Adresse courriel',
      'Adresse électronique',
      'Courriel (principal)',
      'Adresse e-mail',
    ],
  },
  {
    name: 'phones',
    labelEn: 'Phones',
    labelFr: 'Téléphones',
    multiple: true,
    headers: [
      'Phone',
      'Phones',
      'Phone (Primary)',
      'Phone Number',
      'Primary Phone',
      'Telephone',
      'Mobile',
      'Mobile Phone',
      'Cell',
      'Cell Phone',
      'Work Phone',
      'Home Phone',
      'Téléphone',
      'Téléphones',
      'Téléphone (principal)',
      'Cellulaire',
      'Numéro de téléphone',
    ],
  },
  {
    name: 'preferredLanguage',
    labelEn: 'Preferred language',
    labelFr: 'Langue préférée',
    headers: ['Preferred Language', 'Language', 'Langue', 'Langue préférée', 'Langue de communication'],
  },
  {
    name: 'leaderCategory',
    labelEn: 'Leader category',
    labelFr: 'Catégorie de leader',
    headers: ['Leader Category', 'Category', 'Catégorie', 'Catégorie de leader'],
  },
  province,
  city,
  {
    name: 'organizationName',
    labelEn: 'Organization',
    labelFr: 'Organisation',
    headers: [
      'Organization Name',
      'Organisation Name',
      'Organization',
      'Organisation',
      'Current Employer',
      'Employer',
      'Employer Name',
      "Nom de l'organisation",
      'Employeur',
      'Employeur actuel',
    ],
  },
  {
    name: 'jobTitle',
    labelEn: 'Job title',
    labelFr: 'Titre',
    headers: ['Job Title', 'Title', 'Position', 'Role', 'Titre', 'Poste', 'Fonction', 'Titre du poste'],
  },
  ownerEmail,
  {
    name: 'consentEmail',
    labelEn: 'May e-mail',
    labelFr: 'Accepte les courriels',
    headers: ['May Email', 'Consent Email', 'Email Consent', 'Accepte les courriels', 'Consentement courriel'],
  },
  {
    name: 'consentPhone',
    labelEn: 'May phone',
    labelFr: 'Accepte les appels',
    headers: ['May Phone', 'Consent Phone', 'Phone Consent', 'Accepte les appels', 'Consentement téléphone'],
  },
  {
    name: 'doNotEmail',
    labelEn: 'Do not e-mail',
    labelFr: 'Ne pas envoyer de courriel',
    headers: ['Do Not Email', 'Is Opt Out', 'No Bulk Emails (User Opt Out)', 'Ne pas envoyer de courriel', 'Pas de courriel', 'Ne pas écrire'],
  },
  { name: 'doNotPhone', labelEn: 'Do not phone', labelFr: 'Ne pas téléphoner', headers: ['Do Not Phone', 'Ne pas téléphoner', 'Pas de téléphone'] },
  { name: 'doNotContact', labelEn: 'Do not contact', labelFr: 'Ne pas contacter', headers: ['Do Not Contact', 'Ne pas contacter', 'Ne pas solliciter'] },
  {
    name: 'livedExperience',
    labelEn: 'Lived experience',
    labelFr: 'Expérience vécue',
    headers: ['Lived Experience', 'Lived experience as a refugee', 'Expérience vécue'],
  },
  tags,
  notes,
  contactType,
];

export const organizationImportFields: ImportFieldSpec[] = [
  {
    name: 'nameEn',
    labelEn: 'Name',
    labelFr: 'Nom',
    required: true,
    headers: [
      'Organization Name',
      'Organisation Name',
      'Name',
      'Organization',
      'Organisation',
      'Name (English)',
      'English Name',
      'Nom',
      "Nom de l'organisation",
      'Nom (anglais)',
      'Nom anglais',
    ],
  },
  {
    name: 'nameFr',
    labelEn: 'Name (French)',
    labelFr: 'Nom (français)',
    headers: ['Name (French)', 'French Name', 'Nom (français)', 'Nom français', 'Nom en français'],
  },
  {
    name: 'kind',
    labelEn: 'Kind',
    labelFr: 'Genre',
    headers: [
      'Kind',
      'Type',
      'Organization Type',
      'Organisation Type',
      'Contact Subtype',
      'Contact Sub Type',
      'Genre',
      "Type d'organisation",
      'Sous-type de contact',
    ],
  },
  {
    name: 'membership',
    labelEn: 'Membership',
    labelFr: 'Adhésion',
    headers: ['Membership', 'Membership Status', 'Member Status', 'Adhésion', "Statut d'adhésion", 'Statut de membre'],
  },
  {
    name: 'membershipSince',
    labelEn: 'Member since',
    labelFr: 'Membre depuis',
    headers: ['Member Since', 'Membership Since', 'Membership Start Date', 'Join Date', 'Membre depuis', "Date d'adhésion"],
  },
  province,
  city,
  { name: 'postalCode', labelEn: 'Postal code', labelFr: 'Code postal', headers: ['Postal Code', 'Postal', 'Postcode', 'Zip', 'Zip Code', 'Code postal'] },
  {
    name: 'email',
    labelEn: 'E-mail',
    labelFr: 'Courriel',
    headers: ['Email', 'E-mail', 'Email Address', 'Email (Primary)', 'Primary Email', 'Courriel', 'Adresse courriel', 'Courriel (principal)'],
  },
  {
    name: 'phone',
    labelEn: 'Phone',
    labelFr: 'Téléphone',
    headers: ['Phone', 'Phone (Primary)', 'Phone Number', 'Primary Phone', 'Telephone', 'Téléphone', 'Téléphone (principal)', 'Numéro de téléphone'],
  },
  { name: 'website', labelEn: 'Website', labelFr: 'Site web', headers: ['Website', 'Web Site', 'Web', 'URL', 'Site web', 'Site Web', 'Site internet'] },
  tags,
  notes,
  ownerEmail,
  contactType,
];

export function importFields(kind: ImportKind): ImportFieldSpec[] {
  return kind === 'people' ? personImportFields : organizationImportFields;
}

const guessTables = new Map<ImportKind, Map<string, string>>();

function guessTable(kind: ImportKind): Map<string, string> {
  let table = guessTables.get(kind);
  if (!table) {
    table = new Map();
    for (const field of importFields(kind)) {
      for (const header of [...field.headers, field.labelEn, field.labelFr]) {
        const words = normalizeWords(header);
        if (!table.has(words)) table.set(words, field.name);
      }
    }
    guessTables.set(kind, table);
  }
  return table;
}

/**
 * The field each column most likely holds, from its name: exact names first
 * (without case, accents, punctuation), then a trailing number or qualifier
 * dropped ("Email 2", "Phone (Home)"). A field taking one value is given to
 * its first column only. Columns with no likely field get null (not imported).
 */
export function guessMapping(kind: ImportKind, headers: string[]): (string | null)[] {
  const table = guessTable(kind);
  const multiple = new Set(
    importFields(kind)
      .filter((f) => f.multiple)
      .map((f) => f.name),
  );
  const taken = new Set<string>();
  return headers.map((header) => {
    const words = normalizeWords(header);
    const candidates = [words, words.replace(/ \d+$/, ''), words.replace(/ (primary|principal|home|work|other|maison|travail|autre|billing)$/, '')];
    const field = candidates.map((c) => table.get(c)).find((f) => f !== undefined) ?? null;
    if (field === null || (taken.has(field) && !multiple.has(field))) return null;
    taken.add(field);
    return field;
  });
}

/** At least one column name is one we know: a file that is CSV and about these records. */
export function recognisesAnyHeader(kind: ImportKind, headers: string[]): boolean {
  return guessMapping(kind, headers).some((field) => field !== null);
}
