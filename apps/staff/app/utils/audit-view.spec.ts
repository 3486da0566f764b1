import { translator } from '@crm/i18n';
import { changedField, changeList, fieldLabel, startOfDay, valueKey } from './audit-view';

describe('startOfDay', () => {
  it('is the start of the day in the national office’s zone', () => {
    expect(startOfDay('2026-01-15')).toBe('2026-01-15T05:00:00.000Z');
    expect(startOfDay('2026-07-15')).toBe('2026-07-15T04:00:00.000Z');
  });

  it('gives the next day’s start for an inclusive "to" date', () => {
    expect(startOfDay('2026-01-31', { dayAfter: true })).toBe('2026-02-01T05:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    expect(startOfDay('2026-03-08')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09')).toBe('2026-03-09T04:00:00.000Z');
  });

  it('refuses what is not a calendar date', () => {
    for (const value of ['', null, undefined, '2026-02-30', '15/01/2026', '2026-1-5']) expect(startOfDay(value)).toBeUndefined();
  });
});

describe('changeList', () => {
  it('lists each changed field with its old and new value', () => {
    expect(changeList({ role: { from: 'STAFF', to: 'ADMIN' }, email: { from: '•••', to: '•••' } })).toEqual([
      { field: 'role', from: 'STAFF', to: 'ADMIN' },
      { field: 'email', from: '•••', to: '•••' },
    ]);
  });

  it('reads a missing side as empty and ignores what is not a change', () => {
    expect(changeList({ name: { to: 'A' }, odd: 3 })).toEqual([{ field: 'name', from: null, to: 'A' }]);
    expect(changeList(null)).toEqual([]);
    expect(changeList([1])).toEqual([]);
  });
});

describe('fieldLabel', () => {
  it('names a record field by the label its screens use, in the viewer’s language, never by its code', () => {
    expect(fieldLabel(translator('en'), 'provinceCode')).toBe('Province');
    expect(fieldLabel(translator('en'), 'consentEmail')).toBe('E-mail consent');
    expect(fieldLabel(translator('fr'), 'consentEmail')).not.toMatch(/consentEmail/);
    expect(fieldLabel(translator('fr'), 'ownerId')).toBe(translator('fr')('records.owner'));
    expect(fieldLabel(translator('en'), 'fromDuplicate')).toBe('Values taken from the other record');
    // An event's fields, as its form names them.
    for (const field of ['titleEn', 'startsAt', 'endsAt', 'place', 'capacity', 'headCount', 'timeZone', 'campaignId', 'hostLeaders']) {
      expect(fieldLabel(translator('en'), field)).not.toBe(field);
      expect(fieldLabel(translator('fr'), field)).not.toBe(field);
    }
    expect(fieldLabel(translator('fr'), 'startsAt')).toBe(translator('fr')('event.startsAt'));
    // Unknown to every catalogue: shown as recorded rather than hidden.
    expect(fieldLabel(translator('en'), 'somethingNew')).toBe('somethingNew');
  });
});

describe('valueKey and changedField', () => {
  const fr = translator('fr');
  const say = (subjectType: string, field: string, value: unknown) => {
    const key = valueKey(subjectType, changedField(field), value);
    return key ? fr(key) : null;
  };

  it('names coded values by the record screens’ words, per record type', () => {
    expect(say('Event', 'status', 'cancelled')).toBe(fr('event.status.cancelled'));
    expect(say('Story', 'status', 'published')).toBe(fr('story.status.published'));
    expect(say('Pledge', 'status', 'fulfilled')).toBe(fr('pledge.status.fulfilled'));
    expect(say('Outreach', 'channel', 'call')).toBe(fr('outreach.channel.call'));
    expect(say('Person', 'preferredLanguage', 'fr')).toBe('Français');
    expect(say('ImportBatch', 'kind', 'people')).toBe(fr('nav.people'));
  });

  it('reads an RSVP entry’s keys (a person’s id, "attended:" and an id) as the answer and the attendance', () => {
    const id = '0b0b0b0b-0000-4000-8000-000000000001';
    expect(changedField(id)).toBe('response');
    expect(changedField(`attended:${id}`)).toBe('attended');
    expect(changedField('city')).toBe('city');
    expect(say('Event', id, 'yes')).toBe('Oui');
    expect(fieldLabel(fr, changedField(id))).toBe('Réponse');
    expect(fieldLabel(fr, 'personId')).toBe('Personne');
  });

  it('leaves free text and unknown codes alone', () => {
    expect(valueKey('Event', 'titleEn', 'yes')).toBeNull();
    expect(valueKey('Event', 'status', 'no-such-status')).toBeNull();
    expect(valueKey('Event', 'status', 3)).toBeNull();
  });
});
