import { Injectable } from '@nestjs/common';
import { canReadField } from '@crm/authz';
import type { TimelineArgs } from '@crm/contracts';
import { ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import { TimelineRepository } from './timeline.repository';
import { TimelineSubjects } from './timeline-subjects';

@Injectable()
export class TimelineService {
  constructor(
    private readonly repository: TimelineRepository,
    private readonly subjects: TimelineSubjects,
  ) {}

  async list(ctx: RequestContext, args: TimelineArgs, first: number, after: string | null | undefined) {
    // A type the role may not read at all is FORBIDDEN whatever the id (no probing);
    // a record out of scope answers as a missing one.
    if (!ctx.ability.can('read', args.subjectType)) throw new ForbiddenException();
    if (!(await this.subjects.visible(ctx, args.subjectType, args.subjectId))) throw new NotFoundException(args.subjectType);
    const page = await this.repository.list(args.subjectType, args.subjectId, first, after);
    return {
      ...page,
      rows: page.rows.map((row) => ({
        ...row,
        // Who did it is a user's name: shown only to those who may read it.
        actorName: row.actorId && canReadField(ctx.ability, 'read', 'User', 'name', { id: row.actorId }) ? row.actorName : null,
      })),
    };
  }
}
