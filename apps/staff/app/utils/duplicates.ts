/**
 * The field "Save anyway" posts: the user has seen the likely duplicates and adds the
 * record all the same (without it, a new record's action first looks for them).
 */
export const confirmDuplicatesField = 'confirmDuplicates';

export function duplicatesConfirmed(formData: FormData): boolean {
  return formData.get(confirmDuplicatesField) === '1';
}
