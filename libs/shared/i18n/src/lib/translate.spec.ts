import { translate, translator } from './translate';

describe('translate', () => {
  it('returns the message in the requested language', () => {
    expect(translate('en', 'nav.dashboard')).toBe('Dashboard');
    expect(translate('fr', 'nav.dashboard')).toBe('Tableau de bord');
  });

  it('fills {placeholders} from the parameters', () => {
    expect(translate('en', 'campaign.dates.range', { start: 'April 4', end: 'June 20' })).toBe('From April 4 to June 20');
    expect(translate('fr', 'error.status', { status: 503 })).toBe('Erreur 503');
  });

  it('falls back to English for an unknown language', () => {
    expect(translate('de', 'notFound.title')).toBe('Page not found');
  });

  it('leaves a placeholder visible when its parameter is missing at run time', () => {
    const params = {} as { status: number };
    expect(translate('en', 'error.status', params)).toBe('Error {status}');
  });

  it('binds a language with translator()', () => {
    const t = translator('fr');
    expect(t('health.component.unknown', { name: 'mail' })).toBe('Composant «\u00a0mail\u00a0»');
  });
});
