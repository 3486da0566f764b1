import { translator } from '@crm/i18n';
import { actorLabel } from './timeline-actor';

describe('actorLabel', () => {
  const en = translator('en');
  const fr = translator('fr');

  it('names the user where the viewer may read their name', () => {
    expect(actorLabel(en, { kind: 'record.updated', actorId: 'u1', actorName: 'Olivia Ontario' })).toBe('Olivia Ontario');
  });

  it('says "someone" for a user whose name the viewer may not read', () => {
    expect(actorLabel(en, { kind: 'record.updated', actorId: 'u1', actorName: null })).toBe('Someone');
    expect(actorLabel(fr, { kind: 'record.updated', actorId: 'u1', actorName: null })).toBe('Quelqu’un');
  });

  it('says the public form made a request nobody signed in for, and the system did what no user did', () => {
    expect(actorLabel(en, { kind: 'toolkitRequest.created', actorId: null, actorName: null })).toBe('The public request form');
    expect(actorLabel(en, { kind: 'engagement.changed', actorId: null, actorName: null })).toBe('Automatically, from the records');
    expect(actorLabel(fr, { kind: 'pledge.overdue', actorId: null, actorName: null })).toBe('Automatiquement, d’après les fiches');
  });
});
