export {
  roles,
  actions,
  subjectNames,
  type Role,
  type Action,
  type SubjectName,
  type Actor,
  type AppSubject,
  type AppAbility,
  type ConditionFields,
  type TaggedRecord,
} from './authz.types';
export { defineAbilityFor, subject } from './define-ability';
export {
  personalFields,
  sensitivePersonFields,
  conditionFields,
  memberEditableOrganizationFields,
  storytellerFields,
  storyContentFields,
  toolkitRequestSteps,
} from './record-fields';
export { canReadField, permittedFields, allowedActions, reachesEveryRecord } from './ability-helpers';
