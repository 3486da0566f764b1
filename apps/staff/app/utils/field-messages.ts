import { en, type MessageKey, type PlainMessageKey } from '@crm/i18n';

// The shared zod schemas (@crm/contracts) and the API speak English ("must be a
// valid e-mail address"), in the browser, in our actions and in BAD_USER_INPUT's
// `extensions.fields` alike. Each form error is turned into a catalogue key here,
// once, and shown in the user's language (decision 016).

/** The staff forms' own rule (password confirmation). */
export const passwordsDifferMessage = 'passwords do not match';

const byMessage: Record<string, PlainMessageKey> = {
  // @crm/contracts
  'is required': 'validation.required',
  'is too long': 'validation.tooLong',
  'must be a valid id': 'validation.id',
  'must be a valid e-mail address': 'validation.email',
  'must be at most 254 characters': 'validation.email.tooLong',
  'must be at most 200 characters': 'validation.name.tooLong',
  'must be at least 12 characters': 'validation.password.tooShort',
  'must be at most 128 characters': 'validation.password.tooLong',
  'must not start or end with a space': 'validation.password.spaces',
  'must differ from the current password': 'validation.password.sameAsCurrent',
  'is not a valid link; ask for a new one': 'validation.token.invalid',
  'a coordinator needs at least one region': 'validation.regions.required',
  'a member contact needs an organization': 'validation.organization.required',
  'must be an ISO date-time': 'validation.date',
  // @crm/contracts: records (people, organizations)
  'must be a Canadian province or territory code (e.g. ON, QC)': 'validation.province',
  'must be a date like 2024-06-20': 'validation.date',
  'must be a web address like https://example.org': 'validation.website',
  'must be a Canadian postal code like K1A 0B1': 'validation.postalCode',
  'must be a phone number like 613-555-0199 or +44 20 7183 8750': 'validation.phone',
  'must be lower-case words joined by hyphens (e.g. world-refugee-day)': 'validation.tag',
  'at most 20 tags': 'validation.tooMany',
  'at most 5 e-mail addresses': 'validation.tooMany',
  'at most 5 phone numbers': 'validation.tooMany',
  'at most 20 affiliations': 'validation.tooMany',
  'is listed twice': 'validation.listedTwice',
  'must be another record than the survivor': 'merge.same',
  'must be at most 30 characters': 'validation.tooLong',
  'must be at most 40 characters': 'validation.tooLong',
  'must be at most 60 characters': 'validation.tooLong',
  'must be at most 100 characters': 'validation.tooLong',
  'must be at most 300 characters': 'validation.tooLong',
  'must be at most 10000 characters': 'validation.tooLong',
  'must be at most 50': 'validation.invalid',
  // page sizes: never typed by people, but known
  'must be at least 1': 'validation.invalid',
  'must be at most 200': 'validation.invalid',
  // the API's own checks
  'already has an account': 'validation.email.taken',
  'is not your current password': 'validation.password.current',
  'this link has expired or was already used': 'validation.token.expired',
  'you cannot change your own role': 'validation.role.self',
  'you cannot deactivate your own account': 'validation.active.self',
  'must be an active staff or coordinator account': 'validation.owner',
  'would put the person outside what you may edit': 'validation.outsideEditable',
  'would put the organization outside what you may edit': 'validation.outsideEditable',
  'is not an organization you can see': 'validation.organization.unknown',
  // the staff forms
  [passwordsDifferMessage]: 'validation.password.mismatch',
};

const byPattern: [RegExp, PlainMessageKey][] = [
  [/^unknown region/, 'validation.regions.unknown'],
  [/^is not a postal code of /, 'validation.postalCode.province'],
  [/is not in the tag list$/, 'validation.tag.unknown'],
  [/^must be at most \d+ characters$/, 'validation.tooLong'],
];

// zod's own messages (no custom text in the schema) by issue code.
const byIssueCode: Record<string, PlainMessageKey> = {
  too_big: 'validation.tooLong',
  invalid_format: 'validation.invalid',
};

/** The catalogue key for one field message; unknown ones read "This value is not valid." */
export function fieldMessageKey(message: string, issueCode?: string): PlainMessageKey {
  const known = byMessage[message] ?? byPattern.find(([pattern]) => pattern.test(message))?.[1];
  return known ?? (issueCode ? byIssueCode[issueCode] : undefined) ?? 'validation.invalid';
}

/** Every English message the table knows (the spec checks @crm/contracts against it). */
export const knownFieldMessages = Object.keys(byMessage);

export function isPlainMessageKey(value: unknown): value is PlainMessageKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(en, value) && !/\{\w+\}/.test(en[value as MessageKey]);
}
