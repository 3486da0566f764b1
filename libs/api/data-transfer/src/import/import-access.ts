import type { AppAbility } from '@crm/authz';
import type { ImportTarget } from '@crm/records';

/**
 * May this ability import records of this target: `import` on its subject
 * (coordinators: people, in their regions; staff: all). Each row is then
 * checked against the ability like the single-record mutation it stands for.
 */
export function mayImport(ability: AppAbility, target: Pick<ImportTarget, 'subject'>): boolean {
  return ability.can('import', target.subject);
}

export function mayImportAnything(ability: AppAbility, targets: Pick<ImportTarget, 'subject'>[]): boolean {
  return targets.some((target) => mayImport(ability, target));
}
