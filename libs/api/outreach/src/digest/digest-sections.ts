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

/**
 * One part of the daily digest, owned by a domain (decision 082): follow-ups are
 * outreach's; pledges' overdue reminders are the events module's. `lines` reads in
 * the digest's transaction and answers nothing when there is nothing due: a digest
 * with no line in any section is not sent.
 */
export interface DigestSection {
  /** Sections appear in this order. */
  order: number;
  /** The section's heading and lines for one recipient (empty: nothing due). */
  lines(manager: EntityManager, recipient: DigestRecipient): Promise<{ heading: string; lines: DigestLine[] }[]>;
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
