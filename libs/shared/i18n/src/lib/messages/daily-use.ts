// The staff app for daily use (issue 10): the skip link, search in the header,
// homes for each role, list totals and views, phones, duplicates at entry.
// French typography: no-break space (\u00a0) before : ; ? ! and inside « ».
export const dailyUseEn = {
  'nav.skip': 'Skip to content',
  'header.search.label': 'Search people and organizations',
  'header.search.placeholder': 'Search…',

  'search.peopleCount': 'People ({count})',
  'search.organizationsCount': 'Organizations ({count})',
  'search.seeAllPeople': 'See all {count} people',
  'search.seeAllOrganizations': 'See all {count} organizations',

  'people.total': '{count} people',
  'people.total.one': '1 person',
  'organizations.total': '{count} organizations',
  'organizations.total.one': '1 organization',
} as const;

export const dailyUseFr: Record<keyof typeof dailyUseEn, string> = {
  'nav.skip': 'Aller au contenu',
  'header.search.label': 'Chercher des personnes et des organismes',
  'header.search.placeholder': 'Chercher…',

  'search.peopleCount': 'Personnes ({count})',
  'search.organizationsCount': 'Organismes ({count})',
  'search.seeAllPeople': 'Voir les {count} personnes',
  'search.seeAllOrganizations': 'Voir les {count} organismes',

  'people.total': '{count} personnes',
  'people.total.one': '1 personne',
  'organizations.total': '{count} organismes',
  'organizations.total.one': '1 organisme',
};
