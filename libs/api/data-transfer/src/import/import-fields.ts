import type { ImportTarget, TransferRegistry } from '@crm/records';

/** A batch's kind: the name an import target registered under (`people`, `organizations`, `outreach`…). */
export type ImportKind = string;

/** The target the domain that owns `kind` registered (TransferRegistry); none for a batch's kind is a wiring bug. */
export function importTargetOf(registry: TransferRegistry, kind: ImportKind): ImportTarget {
  const target = registry.importTarget(kind);
  if (!target) throw new Error(`no import target registered for "${kind}"`);
  return target;
}
