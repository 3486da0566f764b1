import type { z } from 'zod';

/**
 * What can be wrong with one field of an input, as a stable code and its parameters
 * (decision 057). The API sends them in BAD_USER_INPUT's `extensions.fields`
 * (`{ path, code, params, message }`, message in English for API clients); the staff
 * app and e-mails show `problem.<code>` from the EN/FR catalogues. A new rule is its
 * code here, its check in a schema, and its two sentences.
 */
export const problemCodes = [
  // Any field
  'required',
  'invalid',
  'tooLong',
  'tooShort',
  'tooMany',
  'tooFew',
  'tooLarge',
  'tooSmall',
  'controlCharacters',
  'unknownField',
  'listedTwice',
  // Formats
  'id',
  'email',
  'date',
  'dateTime',
  'phone',
  'postalCode',
  'province',
  'website',
  'tag',
  'cursor',
  'link',
  // Accounts
  'passwordSpaces',
  'passwordSameAsCurrent',
  'passwordCurrent',
  'passwordMismatch',
  'tokenExpired',
  'emailTaken',
  'regionsRequired',
  'regionsUnknown',
  'organizationRequired',
  'roleSelf',
  'activeSelf',
  // Records
  'postalCodeProvince',
  'tagUnknown',
  'tagExists',
  'owner',
  'notYours',
  'outsideEditable',
  'outsideRegions',
  'organizationUnknown',
  'mergeSame',
  'alreadyMerged',
  'archivedSurvivor',
  'mergedCannotRestore',
  'unknownFilter',
  'searchText',
  // Events and pledges
  'timeZone',
  'endBeforeStart',
  'transitionNotAllowed',
  'campaignUnknown',
  'personUnknown',
  'eventUnknown',
  'eventClosed',
  'pledgerOne',
  'policyAskRequired',
  'policyAskOnlyMp',
  'policyAskUnknown',
  'outreachUnknown',
  // Stories
  'storyNotDraft',
  'storyWithdrawn',
  'storytellerNameRequired',
  'consentNotPublic',
  // CSV imports
  'importRowsInvalid',
  'importState',
  'columnUnknown',
  'columnTwice',
  'fieldUnknown',
  'fieldOneColumn',
  'fieldNeedsColumn',
  'tagsLeftOut',
  'importExtraCells',
  'importProvince',
  'importOwner',
  'importPersonRow',
  'importOrganizationRow',
  'oneOf',
  'importLanguage',
  'importYesNo',
  'importOrganizationNone',
  'importOrganizationSeveral',
  'importMatchesMany',
  'importMatchNotEditable',
  'importOutsideRegions',
  'importLivedExperience',
  'importRowNotChecked',
  // Toolkit
  'honeypot',
  'toolkitNotDigital',
  'toolkitNotStocked',
  'toolkitAssignee',
  'toolkitStep',
  'toolkitItemUnknown',
  'toolkitStock',
  'toolkitNoItems',
  // Campaigns and outreach
  'endsBeforeStart',
  'regionUnknown',
  'policyAskInUse',
  'followUpDateNeeded',
  'followUpOwner',
  'clientIdTaken',
  'personAmbiguous',
  // Lists
  'viewNameTaken',
] as const;
export type ProblemCode = (typeof problemCodes)[number];
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

const known = new Set<string>(problemCodes);
export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && known.has(value);
}

// zod 4's issue, as far as the mapping reads it (its core types are not part of the public entry).
type Issue = z.core.$ZodIssue;

/**
 * The problem a zod issue stands for. Schemas give a code as the issue's message only
 * where the default below would say less (`phone`, `tag`…); custom checks put their
 * parameters in the issue's `params`.
 */
export function problemOf(issue: Issue): Problem {
  const custom = isProblemCode(issue.message) ? issue.message : null;
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (custom) return { code: custom, params: { max } };
      if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { max } };
      return { code: 'tooLarge', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (custom) return { code: custom, params: { min } };
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params: { min } };
      return { code: 'tooSmall', params: { min } };
    }
    case 'invalid_type':
      return isMissing(issue) ? { code: 'required' } : { code: custom ?? 'invalid' };
    case 'invalid_format': {
      if (custom) return { code: custom };
      const byFormat: Record<string, ProblemCode> = { email: 'email', uuid: 'id', guid: 'id', url: 'website', date: 'date', datetime: 'dateTime' };
      return { code: byFormat[issue.format] ?? 'invalid' };
    }
    case 'unrecognized_keys':
      return { code: 'unknownField' };
    case 'custom':
      return { code: custom ?? 'invalid', ...(issue.params ? { params: issue.params as ProblemParams } : {}) };
    default:
      return { code: custom ?? 'invalid' };
  }
}

/** zod 4 leaves the input out of issues unless asked (`reportInput`); its default message still says what came. */
function isMissing(issue: Issue): boolean {
  if ('input' in issue) return issue.input === undefined || issue.input === null;
  return /received (undefined|null)$/.test(issue.message);
}

// A form error travels through conform as one string: the code and its parameters.
const separator = '|';

export function encodeProblem(problem: Problem): string {
  return problem.params && Object.keys(problem.params).length ? `${problem.code}${separator}${JSON.stringify(problem.params)}` : problem.code;
}

/** The problem an encoded string carries; `invalid` for anything else (never an English sentence on screen). */
export function decodeProblem(text: string): Problem {
  const at = text.indexOf(separator);
  const code = at < 0 ? text : text.slice(0, at);
  if (!isProblemCode(code)) return { code: 'invalid' };
  if (at < 0) return { code };
  try {
    const params = JSON.parse(text.slice(at + 1)) as unknown;
    return params && typeof params === 'object' ? { code, params: params as ProblemParams } : { code };
  } catch {
    return { code };
  }
}
