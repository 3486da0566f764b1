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
} as const;

export const formsFr: Record<keyof typeof formsEn, string> = {
  'records.listMore': '{label} ({n})',
  'records.moreDetails': 'Plus de détails',
  'records.tags.search': 'Chercher une étiquette',
  'records.tags.none': 'Aucune étiquette ne correspond',
  'duplicates.title': 'Cette fiche existe peut-être déjà',
  'duplicates.body': 'Ouvrez celle qui est la même, ou enregistrez quand même s’il s’agit d’une nouvelle fiche.',
  'duplicates.saveAnyway': 'Enregistrer quand même',
};
