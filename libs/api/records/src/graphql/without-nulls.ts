/**
 * GraphQL lets a client send `null` for an optional argument; for filters and
 * create inputs that means "not given" (defaults apply). Updates keep their
 * nulls: there null clears a field.
 */
export function withoutNulls<T extends object>(value: T | null | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
