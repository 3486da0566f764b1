// CSV import and export (data-transfer): their own file so merges stay easy.
export const dataTransferEn = {
  'problem.tagsLeftOut': '{tags}: not in the tag list, left out (national staff can add tags).',
} as const;

export const dataTransferFr: Record<keyof typeof dataTransferEn, string> = {
  'problem.tagsLeftOut': '{tags}\u00a0: absentes de la liste des étiquettes, laissées de côté (le personnel national peut en ajouter).',
};
