// CSV import and export (data-transfer): their own file so merges stay easy.
export const dataTransferEn = {
  'problem.tagsLeftOut': '{tags}: not in the tag list, left out (national staff can add tags).',
  'imports.run.leftOut': '{count} invalid rows will be left out; the others are imported. Download the rejected rows afterwards to fix them.',
  'imports.run.leftOut.one': '1 invalid row will be left out; the others are imported. Download the rejected row afterwards to fix it.',
  'imports.rows.problem': '{column}: {message}',
  'imports.rows.title': 'Rows',
  'imports.rows.matched': 'Matches an existing record',
  'imports.rows.sameAs': 'Same as line {row}',
  'imports.applied.CREATED': 'Created',
  'imports.applied.UPDATED': 'Updated',
  'imports.applied.SKIPPED': 'Skipped',
  'imports.applied.FAILED': 'Not imported',
} as const;

export const dataTransferFr: Record<keyof typeof dataTransferEn, string> = {
  'problem.tagsLeftOut': '{tags}\u00a0: absentes de la liste des étiquettes, laissées de côté (le personnel national peut en ajouter).',
  'imports.run.leftOut':
    '{count}\u00a0lignes non valides seront laissées de côté\u00a0; les autres sont importées. Téléchargez ensuite les lignes rejetées pour les corriger.',
  'imports.run.leftOut.one':
    '1\u00a0ligne non valide sera laissée de côté\u00a0; les autres sont importées. Téléchargez ensuite la ligne rejetée pour la corriger.',
  'imports.rows.problem': '{column}\u00a0: {message}',
  'imports.rows.title': 'Lignes',
  'imports.rows.matched': 'Correspond à une fiche existante',
  'imports.rows.sameAs': 'Comme la ligne {row}',
  'imports.applied.CREATED': 'Créée',
  'imports.applied.UPDATED': 'Mise à jour',
  'imports.applied.SKIPPED': 'Ignorée',
  'imports.applied.FAILED': 'Non importée',
};
