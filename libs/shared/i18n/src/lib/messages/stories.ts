// Stories of former refugees: staff screens, the public page, and their problems.
export const storiesEn = {
  'problem.storyNotDraft': 'Only a draft can be changed: send the story back to draft first.',
  'problem.storyWithdrawn': 'Consent to this story was withdrawn: it can no longer be changed.',
  'problem.storytellerNameRequired': 'A story told by name needs the storyteller’s name.',
  'problem.consentNotPublic': 'This story’s consent is for internal use only: it cannot be published.',
} as const;

export const storiesFr: Record<keyof typeof storiesEn, string> = {
  'problem.storyNotDraft': 'Seul un brouillon peut être modifié\u00a0: remettez d’abord le récit en brouillon.',
  'problem.storyWithdrawn': 'Le consentement à ce récit a été retiré\u00a0: il ne peut plus être modifié.',
  'problem.storytellerNameRequired': 'Un récit raconté sous son nom demande le nom de la personne qui le raconte.',
  'problem.consentNotPublic': 'Le consentement à ce récit est limité à l’usage interne\u00a0: il ne peut pas être publié.',
};
