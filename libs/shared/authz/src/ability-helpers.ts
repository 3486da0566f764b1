import { permittedFieldsOf } from '@casl/ability/extra';
import { actions, type Action, type AppAbility, type AppSubject, type SubjectName } from './authz.types';
import { subject } from './define-ability';

/**
 * May `action` touch `field`? With a record, the answer is about that record; without
 * one it means "for at least some records" (enough to show a column, never to serve a value).
 */
export function canReadField(ability: AppAbility, action: Action, subjectType: SubjectName, field: string, record?: object): boolean {
  // Tag a copy: the caller's object stays untouched and may be checked as another type.
  return ability.can(action, record ? subject(subjectType, { ...record }) : subjectType, field);
}

/**
 * The fields of `allFields` that `action` may touch, on a record or (without one) on
 * some records. Rules without `fields` stand for every field of the subject, which is
 * why the caller names them (the entity's or DTO's fields).
 */
export function permittedFields(ability: AppAbility, action: Action, subjectType: SubjectName, allFields: readonly string[], record?: object): string[] {
  const target = record ? subject(subjectType, { ...record }) : subjectType;
  const permitted = new Set(permittedFieldsOf(ability, action, target, { fieldsFrom: (rule) => rule.fields ?? [...allFields] }));
  return allFields.filter((field) => permitted.has(field));
}

/**
 * The actions the staff app may offer on a subject type or on one tagged record
 * (`subject('Person', person)`); `manage` is never listed, only what it grants.
 */
export function allowedActions(ability: AppAbility, target: AppSubject): Action[] {
  return actions.filter((action) => action !== 'manage' && ability.can(action, target));
}

/**
 * May `action` reach every record of a type, whatever it holds? A record with no
 * values meets no condition (province, organization, owner), so only a rule without
 * conditions allows it: national staff yes, a coordinator or a member no.
 */
export function reachesEveryRecord(ability: AppAbility, action: Action, subjectType: SubjectName): boolean {
  return ability.can(action, subject(subjectType, {}));
}
