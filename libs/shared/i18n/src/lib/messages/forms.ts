// Forms, duplicates at entry, merge choices and the readable audit log (issue 10).
// French typography: no-break space (\u00a0) before : ; ? ! and inside « ».
export const formsEn = {
  'records.listMore': '{label} ({n})',
  'records.moreDetails': 'More details',
  'records.tags.search': 'Search tags',
  'records.tags.none': 'No tag matches',
  'duplicates.title': 'This may already be here',
  'duplicates.body': 'Open the one that is the same, or save anyway if this is someone or something new.',
  'duplicates.saveAnyway': 'Save anyway',
  'user.organization.change': 'Change',
  // A language named in the viewer's language (the language switch names each in its own).
  'languageName.en': 'English',
  'languageName.fr': 'French',

  'merge.summary.keep': '“{kept}” is kept. “{folded}” is archived and points to it.',
  'merge.summary.taken': 'From “{folded}”, the kept record takes: {fields}. Every other value stays as it is, or is filled in where it is empty.',
  'merge.summary.nothingTaken': '“{kept}” keeps its own values; where it has none, it takes the other record’s.',
  'merge.rule.combined': 'Both kept',
  'merge.rule.stricter': 'The stricter answer is kept',
  'merge.rule.either': 'Yes if either says yes',
  'merge.rule.further': 'The further step is kept',
  'merge.rule.notes': 'Both kept, the other’s under its name',
  'merge.rules.lists': 'E-mails, phones and tags: those of both records are kept.',
  'merge.rules.consent': 'Consent: the stricter answer is kept (a merge never widens permission to contact); “do not contact” on either stays.',
  'merge.rules.notes': 'Notes: both are kept, the other record’s under a line with its name.',
  'merge.rules.stage': 'Engagement stage: the further step is kept until the ladder recomputes it.',
  'merge.rules.personMoves': 'Affiliations, outreach, pledges, event answers, stories and the timeline move to the kept record.',
  'merge.rules.organizationMoves': 'Member contacts, people’s affiliations, pledges, events, toolkit requests and the timeline move to the kept record.',
} as const;

export const formsFr: Record<keyof typeof formsEn, string> = {
  'records.listMore': '{label} ({n})',
  'records.moreDetails': 'Plus de détails',
  'records.tags.search': 'Chercher une étiquette',
  'records.tags.none': 'Aucune étiquette ne correspond',
  'duplicates.title': 'Cette fiche existe peut-être déjà',
  'duplicates.body': 'Ouvrez celle qui est la même, ou enregistrez quand même s’il s’agit d’une nouvelle fiche.',
  'duplicates.saveAnyway': 'Enregistrer quand même',
  'user.organization.change': 'Changer',
  'languageName.en': 'Anglais',
  'languageName.fr': 'Français',

  'merge.summary.keep': '«\u00a0{kept}\u00a0» est conservée. «\u00a0{folded}\u00a0» est archivée et renvoie vers elle.',
  'merge.summary.taken':
    'De «\u00a0{folded}\u00a0», la fiche conservée prend\u00a0: {fields}. Les autres valeurs restent telles quelles, ou sont complétées là où elles sont vides.',
  'merge.summary.nothingTaken': '«\u00a0{kept}\u00a0» garde ses propres valeurs\u00a0; là où elle n’en a pas, elle prend celles de l’autre fiche.',
  'merge.rule.combined': 'Les deux sont conservés',
  'merge.rule.stricter': 'La réponse la plus stricte est conservée',
  'merge.rule.either': 'Oui si l’une des deux dit oui',
  'merge.rule.further': 'L’étape la plus avancée est conservée',
  'merge.rule.notes': 'Les deux sont conservées, celles de l’autre sous son nom',
  'merge.rules.lists': 'Courriels, téléphones et étiquettes\u00a0: ceux des deux fiches sont conservés.',
  'merge.rules.consent':
    'Consentement\u00a0: la réponse la plus stricte est conservée (une fusion n’élargit jamais la permission de contacter)\u00a0; «\u00a0ne pas contacter\u00a0» sur l’une ou l’autre reste.',
  'merge.rules.notes': 'Notes\u00a0: les deux sont conservées, celles de l’autre fiche sous une ligne portant son nom.',
  'merge.rules.stage': 'Étape d’engagement\u00a0: l’étape la plus avancée est conservée jusqu’au prochain calcul de l’échelle.',
  'merge.rules.personMoves':
    'Les affiliations, les démarches, les promesses, les réponses aux événements, les récits et l’historique passent à la fiche conservée.',
  'merge.rules.organizationMoves':
    'Les personnes-ressources membres, les affiliations, les promesses, les événements, les demandes de trousses et l’historique passent à la fiche conservée.',
};
