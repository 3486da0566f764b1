// Campaigns, outreach, the ladder of engagement, follow-ups and the daily digest (issue 11).
export const outreachEn = {
  'problem.endsBeforeStart': 'The end date is before the start date.',
  'problem.regionUnknown': 'This region no longer exists. Reload the page and choose again.',
  'problem.policyAskInUse': 'A policy ask discussed in recorded outreach cannot be removed.',
  'problem.followUpDateNeeded': 'Give a follow-up date for the follow-up’s owner.',
  'problem.followUpOwner': 'Choose an active staff or coordinator account who works in this person’s region.',
  'problem.clientIdTaken': 'This entry was already recorded differently. Reload the page.',
} as const;

export const outreachFr: Record<keyof typeof outreachEn, string> = {
  'problem.endsBeforeStart': 'La date de fin précède la date de début.',
  'problem.regionUnknown': 'Cette région n’existe plus. Rechargez la page et choisissez de nouveau.',
  'problem.policyAskInUse': 'Une recommandation abordée lors d’un contact enregistré ne peut pas être retirée.',
  'problem.followUpDateNeeded': 'Indiquez une date de suivi pour la personne responsable du suivi.',
  'problem.followUpOwner': 'Choisissez un compte actif (personnel ou coordination) qui travaille dans la région de cette personne.',
  'problem.clientIdTaken': 'Cette saisie a déjà été enregistrée autrement. Rechargez la page.',
};
