/** Both notes survive a merge; the duplicate's under a line naming where they came from (at most `limit` characters). */
export function combineNotes(survivor: string | null, duplicate: string | null, from: string, limit = 10_000): string | null {
  if (!duplicate || duplicate === survivor) return survivor;
  if (!survivor) return duplicate;
  return `${survivor}\n\n— ${from}:\n${duplicate}`.slice(0, limit);
}
