import { z } from 'zod';
import { BadUserInputException } from '../errors/domain.exception';
import { parseInput } from './parse-input';

describe('parseInput', () => {
  const schema = z.object({ email: z.email(), age: z.number().min(0) });

  it('returns the parsed value when valid', () => {
    expect(parseInput(schema, { email: 'a@b.org', age: 3 })).toEqual({ email: 'a@b.org', age: 3 });
  });

  it('names every invalid field with its path and reason', () => {
    try {
      parseInput(schema, { email: 'nope', age: -1 });
      throw new Error('expected BAD_USER_INPUT');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputException);
      const fields = (error as BadUserInputException).fields;
      expect(fields).toEqual([
        { path: ['input', 'email'], code: 'email', message: 'Enter a valid e-mail address.' },
        { path: ['input', 'age'], code: 'tooSmall', params: { min: 0 }, message: 'Use a number no smaller than 0.' },
      ]);
      expect((error as Error).message).toContain('email: Enter a valid e-mail address.');
    }
  });
});
