// Problems of an import's rows as codes (decision 057, issue 10): the same sentences for
// the dry run's table and the rejected rows' file, in the viewer's language.
// French typography: no-break space (\u00a0) before : ; ? ! and inside « ».
export const importProblemsEn = {
  'problem.importExtraCells': 'This row has {cells} cells but the file has {columns} columns (a separator inside an unquoted cell?).',
  'problem.importProvince': '“{value}” is not a Canadian province or territory (ON, Ontario, Québec…).',
  'problem.importOwner': '“{value}” is not the e-mail of a staff or coordinator account you can make owner.',
  'problem.importPersonRow': 'This row is “{value}”: import people from a people file.',
  'problem.importOrganizationRow': 'This row is “{value}”: import organizations from an organizations file.',
  'problem.oneOf': 'Use one of: {options} (or in French: {optionsFr}).',
  'problem.importLanguage': 'Use English or French (en, fr).',
  'problem.importYesNo': 'Use yes or no.',
  'problem.importOrganizationNone': 'No organization named “{value}” that you can see (import organizations first, or leave this column out).',
  'problem.importOrganizationSeveral': 'Several organizations are named “{value}”: merge them first, or leave this column out.',
  'problem.importMatchesMany': 'This row matches {count} existing records: merge them first.',
  'problem.importMatchNotEditable': 'This row matches an existing record you may not edit (ask its owner or national staff).',
  'problem.importOutsideRegions': '{province} is outside your regions.',
  'problem.importLivedExperience': 'Only national staff or the person’s owner may record this.',
  'problem.importRowNotChecked': 'This row was not checked: run the dry run again.',
} as const;

export const importProblemsFr: Record<keyof typeof importProblemsEn, string> = {
  'problem.importExtraCells':
    'Cette ligne a {cells}\u00a0cellules, mais le fichier a {columns}\u00a0colonnes (un séparateur dans une cellule sans guillemets\u00a0?).',
  'problem.importProvince': '«\u00a0{value}\u00a0» n’est pas une province ni un territoire du Canada (ON, Ontario, Québec…).',
  'problem.importOwner':
    '«\u00a0{value}\u00a0» n’est pas le courriel d’un compte du personnel national ou d’une personne coordonnatrice que vous pouvez désigner comme responsable.',
  'problem.importPersonRow': 'Cette ligne est «\u00a0{value}\u00a0»\u00a0: importez les personnes depuis un fichier de personnes.',
  'problem.importOrganizationRow': 'Cette ligne est «\u00a0{value}\u00a0»\u00a0: importez les organismes depuis un fichier d’organismes.',
  'problem.oneOf': 'Utilisez l’une de ces valeurs\u00a0: {optionsFr} (ou en anglais\u00a0: {options}).',
  'problem.importLanguage': 'Indiquez anglais ou français (en, fr).',
  'problem.importYesNo': 'Indiquez oui ou non.',
  'problem.importOrganizationNone':
    'Aucun organisme visible pour vous ne s’appelle «\u00a0{value}\u00a0» (importez d’abord les organismes, ou laissez cette colonne de côté).',
  'problem.importOrganizationSeveral': 'Plusieurs organismes s’appellent «\u00a0{value}\u00a0»\u00a0: fusionnez-les d’abord, ou laissez cette colonne de côté.',
  'problem.importMatchesMany': 'Cette ligne correspond à {count}\u00a0fiches existantes\u00a0: fusionnez-les d’abord.',
  'problem.importMatchNotEditable':
    'Cette ligne correspond à une fiche existante que vous ne pouvez pas modifier (demandez à la personne responsable ou au personnel national).',
  'problem.importOutsideRegions': '{province} est hors de vos régions.',
  'problem.importLivedExperience': 'Seuls le personnel national ou la personne responsable de cette personne peuvent l’indiquer.',
  'problem.importRowNotChecked': 'Cette ligne n’a pas été vérifiée\u00a0: relancez la vérification.',
};
