import { translate } from '@crm/i18n';
import { readMembership, readOrganizationKind } from './organization.import';

describe('organizations import: files use the screens’ labels', () => {
  it('reads a label back to its code, in either language, any case or accents', () => {
    expect(readMembership('echu')).toBe('lapsed');
    expect(readMembership('nonsense')).toBeNull();
    expect(readOrganizationKind(translate('fr', 'orgKind.faith_community').toUpperCase())).toBe('faith_community');
    expect(readOrganizationKind('mosque')).toBe('faith_community');
  });
});
