import { permittedFields, type AppAbility } from '@crm/authz';
import { CreateOrganizationInput, CreatePersonInput, Emails, Phones, UpdateOrganizationInput, UpdatePersonInput } from '@crm/contracts';
import { z } from 'zod';
import { splitList } from './records';

// One schema per form (decision 016): the API's input from @crm/contracts. The
// forms post e-mails and phones as one input per value (`emails[0]`, an empty last
// one left out).

/** A list as the form posts it: items (empty ones dropped) or one text to split. */
function formList(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null && item !== '');
  return splitList(value);
}

const lists = {
  emails: z.preprocess(formList, Emails.optional()),
  phones: z.preprocess(formList, Phones.optional()),
};

// An edit form shows every field, so what a record must have is required there too
// (marked, and refused beside the field when cleared): the API's update leaves out
// what is not given, and an emptied first name would have "saved" the old one.
export const PersonForm = UpdatePersonInput.extend({ ...lists, firstName: CreatePersonInput.shape.firstName });
export const NewPersonForm = CreatePersonInput.extend(lists);

// Organization inputs carry a refinement (postal code within the province): kept by safeExtend.
export const OrganizationForm = UpdateOrganizationInput.safeExtend({ nameEn: CreateOrganizationInput.shape.nameEn });
export const NewOrganizationForm = CreateOrganizationInput;

/**
 * An edit form shows every field, so a field left empty means "clear it", not
 * "leave it" (conform reads an empty field as absent, which the API's partial
 * update would keep): absent text becomes null, unchecked boxes false, no tags [].
 */
export function completeUpdate<T extends Record<string, unknown>>(
  value: T,
  shown: { text?: readonly string[]; checkboxes?: readonly string[]; lists?: readonly string[] },
): T {
  const out: Record<string, unknown> = { ...value };
  for (const name of shown.text ?? []) out[name] ??= null;
  for (const name of shown.checkboxes ?? []) out[name] ??= false;
  for (const name of shown.lists ?? []) out[name] ??= [];
  return out as T;
}

export const personTextFields = ['city', 'notes', 'leaderCategory'] as const;
export const personCheckboxes = ['consentEmail', 'consentPhone', 'doNotContact'] as const;
// No affiliation rows left means "none" (of the organizations the user can see).
export const personLists = ['emails', 'phones', 'tags', 'affiliations'] as const;

/**
 * The owner select is shown only to those who may choose one (not to member
 * contacts editing their organization): the form says so with `showsOwner`, and
 * only then does an empty choice mean "no owner".
 */
export const showsOwnerField = 'showsOwner';
export function ownerTextFields<T extends string>(formData: FormData, text: readonly T[]): readonly (T | 'ownerId')[] {
  return formData.get(showsOwnerField) === '1' ? [...text, 'ownerId'] : text;
}
// Where the API's errors go: the input's own fields, and each affiliation row's.
export const personFormFields = [...Object.keys(CreatePersonInput.shape), 'affiliations[].organizationId', 'affiliations[].title'];

export const organizationTextFields = ['nameFr', 'membershipSince', 'city', 'postalCode', 'email', 'phone', 'website', 'notes'] as const;
export const organizationFormFields = Object.keys(CreateOrganizationInput.shape);

/**
 * The organization fields `ability` may see but not change on this record (a
 * member contact: membership, province, tags, notes, owner). The form shows
 * them locked; the action leaves them out of the update (the API would refuse).
 */
export function lockedOrganizationFields(ability: AppAbility, organization: { id: string }): string[] {
  const changeable = new Set(permittedFields(ability, 'update', 'Organization', organizationFormFields, organization));
  return organizationFormFields.filter((field) => !changeable.has(field));
}

/** `input` without the `locked` fields. */
export function withoutLocked<T extends Record<string, unknown>>(input: T, locked: readonly string[]): T {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !locked.includes(key))) as T;
}
