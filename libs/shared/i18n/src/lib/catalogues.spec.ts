import { en } from './en';
import { fr } from './fr';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('French has exactly the English keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('every French message uses the same placeholders as the English one', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect({ key, placeholders: placeholders(fr[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
    }
  });

  it('has no empty message', () => {
    for (const message of [...Object.values(en), ...Object.values(fr)]) {
      expect(message.trim()).not.toBe('');
    }
  });

  it('French uses typographic apostrophes and spaced guillemets', () => {
    for (const message of Object.values(fr)) {
      expect(message).not.toContain("'");
      expect(message).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
    }
  });
});
