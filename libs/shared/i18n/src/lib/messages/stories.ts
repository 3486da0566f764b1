// Stories of former refugees: staff screens, the public page, and their problems.
export const storiesEn = {
  'problem.transitionNotAllowed': 'This step is not possible from “{from}”. Allowed: {allowed}.',
  'problem.storyNotDraft': 'Only a draft can be changed: send the story back to draft first.',
  'problem.storyWithdrawn': 'Consent to this story was withdrawn: it can no longer be changed.',
  'problem.storytellerNameRequired': 'A story told by name needs the storyteller’s name.',
  'problem.consentNotPublic': 'This story’s consent is for internal use only: it cannot be published.',
  'problem.personUnknown': 'This person is not one you can see.',
  'problem.campaignUnknown': 'This campaign does not exist.',
} as const;

export const storiesFr: Record<keyof typeof storiesEn, string> = {
  'problem.transitionNotAllowed': 'Cette étape est impossible depuis «\u00a0{from}\u00a0». Possibles\u00a0: {allowed}.',
  'problem.storyNotDraft': 'Seul un brouillon peut être modifié\u00a0: remettez d’abord le récit en brouillon.',
  'problem.storyWithdrawn': 'Le consentement à ce récit a été retiré\u00a0: il ne peut plus être modifié.',
  'problem.storytellerNameRequired': 'Un récit raconté sous son nom demande le nom de la personne qui le raconte.',
  'problem.consentNotPublic': 'Le consentement à ce récit est limité à l’usage interne\u00a0: il ne peut pas être publié.',
  'problem.personUnknown': 'Cette personne ne vous est pas visible.',
  'problem.campaignUnknown': 'Cette campagne n’existe pas.',
};
