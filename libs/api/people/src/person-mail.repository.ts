import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Why no e-mail goes to a person, most binding first. */
export type PersonMailWithheld = 'doNotContact' | 'noEmailConsent' | 'noAddress';

/** Whom a message to a person goes to, in their language, or why it does not go. */
export type PersonMailTarget = { personId: string; firstName: string; language: 'en' | 'fr' } & (
  { address: string; withheld: null } | { address: null; withheld: PersonMailWithheld }
);

/**
 * The one rule for mail to people (decision 117): do-not-contact wins over everything,
 * then the person must have said yes to e-mail, then have an address (their first).
 */
export function personMailWithheld(person: { doNotContact: boolean; consentEmail: boolean; emails: string[] }): PersonMailWithheld | null {
  if (person.doNotContact) return 'doNotContact';
  if (!person.consentEmail) return 'noEmailConsent';
  if (!person.emails.some((email) => email.trim() !== '')) return 'noAddress';
  return null;
}

/**
 * The gate every message to a person (a record, not a user) passes: read in the caller's
 * transaction, so the consent checked is the consent of the moment the mail is queued.
 * Archived (or merged) people are left out: nothing is sent to them, and nothing recorded.
 */
@Injectable()
export class PersonMailRecipients {
  async of(manager: EntityManager, personIds: readonly string[]): Promise<Map<string, PersonMailTarget>> {
    if (personIds.length === 0) return new Map();
    const rows: { id: string; firstName: string; language: 'en' | 'fr'; emails: string[]; consentEmail: boolean; doNotContact: boolean }[] =
      await manager.query(
        `SELECT p.id, p.first_name AS "firstName", p.preferred_language AS language, p.emails, p.consent_email AS "consentEmail",
                p.do_not_contact AS "doNotContact"
           FROM person p WHERE p.id = ANY($1::uuid[]) AND p.archived_at IS NULL`,
        [personIds],
      );
    return new Map(
      rows.map((row): [string, PersonMailTarget] => {
        const base = { personId: row.id, firstName: row.firstName, language: row.language === 'fr' ? 'fr' : 'en' } as const;
        const withheld = personMailWithheld(row);
        const address = row.emails.find((email) => email.trim() !== '');
        return [row.id, withheld || !address ? { ...base, address: null, withheld: withheld ?? 'noAddress' } : { ...base, address, withheld: null }];
      }),
    );
  }
}
