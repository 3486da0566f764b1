import type { AppAbility } from '@crm/authz';
import type { ImportKind } from './import-fields';

/**
 * May this ability import records of this kind: `import` on the subject
 * (coordinators: people, in their regions; staff: both). Each row is then
 * checked against the ability like the single-record mutation it stands for.
 */
export function mayImport(ability: AppAbility, kind: ImportKind): boolean {
  if (kind === 'organizations') return ability.can('import', 'Organization');
  return ability.can('import', 'Person');
}

export function mayImportAnything(ability: AppAbility): boolean {
  return mayImport(ability, 'people') || mayImport(ability, 'organizations');
}
