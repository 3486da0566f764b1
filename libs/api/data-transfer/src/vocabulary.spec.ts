import { translate } from '@crm/i18n';
import { engagementStageLabels, readLeaderCategory, readMembership } from './vocabulary';

describe('vocabulary: files use the screens’ labels', () => {
  it('labels each engagement stage as the staff app does, in both languages', () => {
    for (const [code, labels] of Object.entries(engagementStageLabels)) {
      expect(labels).toEqual({ en: translate('en', `stage.${code}` as never), fr: translate('fr', `stage.${code}` as never) });
    }
  });

  it('reads a label back to its code, in either language, any case or accents', () => {
    expect(readLeaderCategory(translate('fr', 'leader.community').toUpperCase())).toBe('community');
    expect(readLeaderCategory('foi')).toBe('faith');
    expect(readLeaderCategory('Élu / municipal')).toBe('elected_municipal');
    expect(readMembership('echu')).toBe('lapsed');
    expect(readMembership('nonsense')).toBeNull();
  });
});
