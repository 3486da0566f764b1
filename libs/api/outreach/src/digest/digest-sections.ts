import { Injectable } from '@nestjs/common';
import type { Language } from '@crm/i18n';
import type { EntityManager } from 'typeorm';

/** Who a digest is for, and their day. */
export interface DigestRecipient {
  userId: string;
  language: Language;
  /** Their calendar date (YYYY-MM-DD) in their time zone at the tick. */
  localDate: string;
}

/** One line of a digest: already in the recipient's language, with a link into the staff app. */
export interface DigestLine {
  text: string;
  /** Path in the staff app (`/people/…`); the digest makes it a full link. */
  path: string;
}

/** A heading and its lines, in the recipient's language. */
export interface DigestPart {
  heading: string;
  lines: DigestLine[];
}

/**
 * One part of the daily digest, owned by a domain (decision 082): follow-ups are
 * outreach's; pledges' overdue reminders are the events module's. `lines` reads in
 * the digest's transaction, for a whole batch of recipients at once (one statement,
 * decision 092), and answers each recipient's parts; a recipient with nothing due is
 * left out (or given no part): a digest with no line in any section is not sent.
 */
export interface DigestSection {
  /** Sections appear in this order. */
  order: number;
  /** Each recipient's headings and lines, by user id (absent or empty: nothing due). */
  lines(manager: EntityManager, recipients: readonly DigestRecipient[]): Promise<Map<string, DigestPart[]>>;
}

@Injectable()
export class DigestSections {
  private readonly sections = new Map<string, DigestSection>();

  register(name: string, section: DigestSection): void {
    if (this.sections.has(name)) throw new Error(`digest section "${name}" is registered twice`);
    this.sections.set(name, section);
  }

  all(): DigestSection[] {
    return [...this.sections.values()].sort((a, b) => a.order - b.order);
  }
}
