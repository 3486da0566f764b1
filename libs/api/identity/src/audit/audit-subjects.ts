import { Injectable } from '@nestjs/common';
import type { AppAbility, SubjectName } from '@crm/authz';

/** How the audit log names one record the viewer may read. */
export interface AuditSubjectName {
  id: string;
  /** The record's name as its screens show it (a person's full name, an organization's English name). */
  name: string;
  /** Its French name, where the record has one. */
  nameFr?: string | null;
  /** What access rules read of it (province, owner…): field rules are checked against these. */
  ruleFields: object;
}

/** The records among `ids` that `ability` may read, with their names; the others are left out. */
export type AuditSubjectNamer = (ability: AppAbility, ids: string[]) => Promise<AuditSubjectName[]>;

/**
 * Names the records audit entries speak of. Identity (a floor below the domains)
 * cannot read people or organizations: each domain registers how to name its records
 * at start-up, scoped by the viewer's ability in SQL. An unregistered type has no names
 * (the log shows a neutral label).
 */
@Injectable()
export class AuditSubjects {
  private readonly namers = new Map<SubjectName, AuditSubjectNamer>();

  register(subjectType: SubjectName, namer: AuditSubjectNamer): void {
    if (this.namers.has(subjectType)) throw new Error(`audit names for ${subjectType} are registered twice`);
    this.namers.set(subjectType, namer);
  }

  has(subjectType: string): boolean {
    return this.namers.has(subjectType as SubjectName);
  }

  async names(ability: AppAbility, subjectType: string, ids: string[]): Promise<Map<string, AuditSubjectName>> {
    const namer = this.namers.get(subjectType as SubjectName);
    if (!namer || ids.length === 0) return new Map();
    return new Map((await namer(ability, [...new Set(ids)])).map((named) => [named.id, named]));
  }
}
