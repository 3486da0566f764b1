// Forms, duplicates at entry, merge choices and the readable audit log (issue 10).
// French typography: no-break space (\u00a0) before : ; ? ! and inside « ».
export const formsEn = {
  'records.listMore': '{label} ({n})',
  'records.moreDetails': 'More details',
  'records.tags.search': 'Search tags',
  'records.tags.none': 'No tag matches',
} as const;

export const formsFr: Record<keyof typeof formsEn, string> = {
  'records.listMore': '{label} ({n})',
  'records.moreDetails': 'Plus de détails',
  'records.tags.search': 'Chercher une étiquette',
  'records.tags.none': 'Aucune étiquette ne correspond',
};
