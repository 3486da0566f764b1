import { decodeProblem, isProblemCode } from '@crm/contracts';
import { en, type MessageKey, type PlainMessageKey, type Translate } from '@crm/i18n';

// What a form or an action says travels as one string: a catalogue key without
// parameters (`form.error.conflict`), or a field problem's code with its parameters
// (`tooLong|{"max":100}`, @crm/contracts problems.ts). Both become the viewer's
// language here, and nowhere else (decision 057).

export function isPlainMessageKey(value: unknown): value is PlainMessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value) && !/\{\w+\}/.test(en[value as MessageKey]);
}

/** The sentence for a message key or an encoded problem; an unknown text reads "This value is not valid." */
export function messageText(t: Translate, text: string): string {
  if (isPlainMessageKey(text)) return t(text);
  const problem = decodeProblem(text);
  const say = t as unknown as (key: string, params?: Record<string, string | number>) => string;
  return say(`problem.${isProblemCode(problem.code) ? problem.code : 'invalid'}`, problem.params ?? {});
}
