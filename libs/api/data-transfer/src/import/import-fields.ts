import type { ImportFieldSpec, TransferRegistry } from '@crm/records';
import type { z } from 'zod';
import type { ImportKindValue } from '../contracts/data-transfer.contracts';

export type ImportKind = z.infer<typeof ImportKindValue>;

/** The fields the domain that owns `kind` registered (TransferRegistry); none registered is a wiring bug. */
export function importFieldsOf(registry: TransferRegistry, kind: ImportKind): ImportFieldSpec[] {
  const registered = registry.importFields(kind);
  if (!registered) throw new Error(`no import fields registered for "${kind}"`);
  return registered.fields;
}
