import { assertIdsOnlyPayload } from './queue-names';

describe('assertIdsOnlyPayload', () => {
  it('accepts ids and lists of ids', () => {
    expect(() => assertIdsOnlyPayload({ mailMessageId: '6f1c2a4e-0000-4000-8000-000000000001', personIds: ['a1', 'b2'] })).not.toThrow();
  });

  it('refuses an e-mail address even under an id-looking key', () => {
    expect(() => assertIdsOnlyPayload({ recipientId: 'amina@example.org' })).toThrow(/recipientId/);
  });

  it('refuses fields that are not ids', () => {
    expect(() => assertIdsOnlyPayload({ email: 'x' })).toThrow(/"email"/);
    expect(() => assertIdsOnlyPayload({ name: 'Amina' })).toThrow(/"name"/);
  });
});
