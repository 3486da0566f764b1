import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';
import type { TimelineSubjectType } from './activity-recorder';

/** Whether the caller may see this record: answered in SQL by the module that owns it. */
export type SubjectVisibility = (ctx: RequestContext, id: string) => Promise<boolean>;

/**
 * The modules that own timeline subjects (organizations, people) register how to
 * tell whether a caller may see one, so the timeline answers NOT_FOUND for a
 * subject out of scope without depending on those modules.
 */
@Injectable()
export class TimelineSubjects {
  private readonly checks = new Map<TimelineSubjectType, SubjectVisibility>();

  register(subjectType: TimelineSubjectType, visible: SubjectVisibility): void {
    this.checks.set(subjectType, visible);
  }

  async visible(ctx: RequestContext, subjectType: TimelineSubjectType, id: string): Promise<boolean> {
    const check = this.checks.get(subjectType);
    // No owner registered: nobody sees it (fail closed).
    return check ? check(ctx, id) : false;
  }
}
