import { engagementStageValues } from '@crm/contracts';
import { translate } from '@crm/i18n';
import { catalogueLabels } from '@crm/records';
import { leaderCategoryLabels, readLeaderCategory } from './person.import';

describe('people import: files use the screens’ labels', () => {
  it('labels each leader category and engagement stage as the staff app does, in both languages', () => {
    for (const [code, labels] of Object.entries(leaderCategoryLabels)) {
      expect(labels).toEqual({ en: translate('en', `leader.${code}` as never), fr: translate('fr', `leader.${code}` as never) });
    }
    for (const [code, labels] of Object.entries(catalogueLabels(engagementStageValues, (code) => `stage.${code}`))) {
      expect(labels).toEqual({ en: translate('en', `stage.${code}` as never), fr: translate('fr', `stage.${code}` as never) });
    }
  });

  it('reads a label back to its code, in either language, any case or accents', () => {
    expect(readLeaderCategory(translate('fr', 'leader.community').toUpperCase())).toBe('community');
    expect(readLeaderCategory('foi')).toBe('faith');
    expect(readLeaderCategory('Élu / municipal')).toBe('elected_municipal');
    expect(readLeaderCategory('nonsense')).toBeNull();
  });
});
