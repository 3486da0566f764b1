import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';

/**
 * How the caller may see one type of record, answered in SQL by the module that owns it:
 * the record's fields that access rules read (null when out of scope), and which of
 * some ids are in scope.
 */
export interface RecordAccess {
  ruleFields(ctx: RequestContext, id: string): Promise<object | null>;
  visibleIds(ctx: RequestContext, ids: string[]): Promise<Set<string>>;
}

/**
 * The modules that own records (organizations, people, later outreach, events…)
 * register how a caller may see them, so the timeline answers NOT_FOUND for a
 * subject out of scope, and hides what it says of records the caller may not read,
 * without depending on those modules.
 */
@Injectable()
export class TimelineSubjects {
  private readonly access = new Map<string, RecordAccess>();

  register(recordType: string, access: RecordAccess): void {
    if (this.access.has(recordType)) throw new Error(`record access for ${recordType} is registered twice`);
    this.access.set(recordType, access);
  }

  /** The record's rule fields, or null when the caller may not see it (or nobody registered the type: fail closed). */
  ruleFields(ctx: RequestContext, recordType: string, id: string): Promise<object | null> {
    const access = this.access.get(recordType);
    return access ? access.ruleFields(ctx, id) : Promise.resolve(null);
  }

  async visible(ctx: RequestContext, recordType: string, id: string): Promise<boolean> {
    return (await this.ruleFields(ctx, recordType, id)) !== null;
  }

  async visibleIds(ctx: RequestContext, recordType: string, ids: string[]): Promise<Set<string>> {
    const access = this.access.get(recordType);
    return access && ids.length ? access.visibleIds(ctx, ids) : new Set();
  }
}
