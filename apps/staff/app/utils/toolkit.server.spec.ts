import { ApiError } from './graphql.server';
import { stepRefusal } from './toolkit.server';

describe('stepRefusal: what a refused toolkit step says', () => {
  it('names the short item when shipping answered CONFLICT for stock, not "reload"', () => {
    const error = new ApiError('CONFLICT', 'Not enough', [
      {
        message: 'Not enough',
        extensions: {
          code: 'CONFLICT',
          fields: [{ path: ['input', 'items', 0, 'quantity'], code: 'toolkitStock', params: { item: 'Livret', onHand: 2 }, message: '' }],
        },
      },
    ]);
    expect(stepRefusal(error)).toEqual({ fieldErrors: {}, formErrors: ['toolkitStock|{"item":"Livret","onHand":2}'] });
  });

  it('says "reload" for a stale version, and puts a bad field beside it', () => {
    expect(stepRefusal(new ApiError('CONFLICT', 'Stale', [{ message: 'Stale', extensions: { code: 'CONFLICT' } }])).formErrors).toEqual(['records.conflict']);
    const bad = new ApiError('BAD_USER_INPUT', 'Bad', [
      { message: 'Bad', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'reason'], code: 'required', message: '' }] } },
    ]);
    expect(stepRefusal(bad, ['reason']).fieldErrors).toEqual({ reason: ['required'] });
  });
});
