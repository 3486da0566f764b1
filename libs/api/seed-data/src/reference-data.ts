// Reference data every installation starts with. Names as used by the
// Government of Canada in each official language.
export const provinces = [
  { code: 'AB', nameEn: 'Alberta', nameFr: 'Alberta' },
  { code: 'BC', nameEn: 'British Columbia', nameFr: 'Colombie-Britannique' },
  { code: 'MB', nameEn: 'Manitoba', nameFr: 'Manitoba' },
  { code: 'NB', nameEn: 'New Brunswick', nameFr: 'Nouveau-Brunswick' },
  { code: 'NL', nameEn: 'Newfoundland and Labrador', nameFr: 'Terre-Neuve-et-Labrador' },
  { code: 'NS', nameEn: 'Nova Scotia', nameFr: 'Nouvelle-Écosse' },
  { code: 'NT', nameEn: 'Northwest Territories', nameFr: 'Territoires du Nord-Ouest' },
  { code: 'NU', nameEn: 'Nunavut', nameFr: 'Nunavut' },
  { code: 'ON', nameEn: 'Ontario', nameFr: 'Ontario' },
  { code: 'PE', nameEn: 'Prince Edward Island', nameFr: 'Île-du-Prince-Édouard' },
  { code: 'QC', nameEn: 'Quebec', nameFr: 'Québec' },
  { code: 'SK', nameEn: 'Saskatchewan', nameFr: 'Saskatchewan' },
  { code: 'YT', nameEn: 'Yukon', nameFr: 'Yukon' },
] as const;

export type ProvinceCode = (typeof provinces)[number]['code'];

// Default coordinator territories; ADMIN can change them later.
export const regions: { code: string; nameEn: string; nameFr: string; provinces: ProvinceCode[] }[] = [
  { code: 'atlantic', nameEn: 'Atlantic', nameFr: 'Atlantique', provinces: ['NB', 'NL', 'NS', 'PE'] },
  { code: 'quebec', nameEn: 'Quebec', nameFr: 'Québec', provinces: ['QC'] },
  { code: 'ontario', nameEn: 'Ontario', nameFr: 'Ontario', provinces: ['ON'] },
  { code: 'prairies', nameEn: 'Prairies', nameFr: 'Prairies', provinces: ['AB', 'MB', 'SK'] },
  { code: 'british-columbia', nameEn: 'British Columbia', nameFr: 'Colombie-Britannique', provinces: ['BC'] },
  { code: 'north', nameEn: 'The North', nameFr: 'Le Nord', provinces: ['NT', 'NU', 'YT'] },
];

export const defaultCampaign = {
  slug: 'protecting-refugees',
  nameEn: 'Protecting Refugees = Stronger Communities',
  nameFr: 'Protéger les réfugiés = des communautés plus fortes',
  startsOn: '2026-04-04', // Refugee Rights Day
  endsOn: null as string | null,
  policyAsks: [
    {
      titleEn: 'Resettle 20,000 government-assisted refugees a year',
      titleFr: 'Réinstaller 20 000 réfugiés pris en charge par le gouvernement chaque année',
    },
    {
      titleEn: "Process privately sponsored refugees' applications within 12 months",
      titleFr: 'Traiter les demandes des réfugiés parrainés par le secteur privé en moins de 12 mois',
    },
    {
      titleEn: 'Resources and reform so every claimant gets a fair hearing before the Immigration and Refugee Board',
      titleFr:
        "Des ressources et une réforme pour que chaque demandeur d'asile ait une audience équitable devant la Commission de l'immigration et du statut de " +
        'réfugié',
    },
  ],
};

// The starting tag vocabulary (STAFF and ADMIN add more with `createTag`).
export const tags: { slug: string; labelEn: string; labelFr: string }[] = [
  { slug: 'refugee-rights-day', labelEn: 'Refugee Rights Day', labelFr: 'Journée des droits des réfugiés' },
  { slug: 'world-refugee-day', labelEn: 'World Refugee Day', labelFr: 'Journée mondiale des réfugiés' },
  { slug: 'private-sponsorship', labelEn: 'Private sponsorship', labelFr: 'Parrainage privé' },
  { slug: 'government-assisted', labelEn: 'Government-assisted refugees', labelFr: 'Réfugiés pris en charge par le gouvernement' },
  { slug: 'fair-hearing', labelEn: 'Fair hearing (IRB)', labelFr: 'Audience équitable (CISR)' },
  { slug: 'mp-contact', labelEn: 'Knows their MP', labelFr: 'Connaît son député' },
  { slug: 'media-spokesperson', labelEn: 'Media spokesperson', labelFr: 'Porte-parole médias' },
  { slug: 'speaker', labelEn: 'Public speaker', labelFr: 'Conférencier ou conférencière' },
  { slug: 'story-gatherer', labelEn: 'Gathers stories', labelFr: 'Recueille des témoignages' },
  { slug: 'toolkit', labelEn: 'Toolkit distributor', labelFr: 'Distribue la trousse' },
  { slug: 'youth', labelEn: 'Youth', labelFr: 'Jeunesse' },
  { slug: 'francophone', labelEn: 'Francophone', labelFr: 'Francophone' },
  { slug: 'rural', labelEn: 'Rural community', labelFr: 'Communauté rurale' },
  { slug: 'newcomer-led', labelEn: 'Newcomer-led', labelFr: 'Dirigé par des nouveaux arrivants' },
  { slug: 'housing', labelEn: 'Housing', labelFr: 'Logement' },
  { slug: 'employment', labelEn: 'Employment', labelFr: 'Emploi' },
  { slug: 'legal-aid', labelEn: 'Legal aid', labelFr: 'Aide juridique' },
  { slug: 'interfaith', labelEn: 'Interfaith', labelFr: 'Interconfessionnel' },
];
