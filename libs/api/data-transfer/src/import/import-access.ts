import type { AppAbility } from '@crm/authz';
import type { ImportKind } from './import-fields';

/**
 * May this ability import records of this kind? Organizations: `import` on
 * Organization (national staff). People: `import` on Person, or — for
 * coordinators, whose ability has no `import` rule yet — `create` on Person:
 * an import is a series of creates and updates, and each row is checked against
 * the ability like the single-record mutation it stands for.
 * TODO(authz): give coordinators `import` on Person in their regions and drop the `create` fallback.
 */
export function mayImport(ability: AppAbility, kind: ImportKind): boolean {
  if (kind === 'organizations') return ability.can('import', 'Organization');
  return ability.can('import', 'Person') || ability.can('create', 'Person');
}

export function mayImportAnything(ability: AppAbility): boolean {
  return mayImport(ability, 'people') || mayImport(ability, 'organizations');
}
