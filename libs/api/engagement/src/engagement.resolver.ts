import { Mutation, Parent, ResolveField, Resolver, Args } from '@nestjs/graphql';
import { SetEngagementOverrideInput } from '@crm/contracts';
import { PersonObject } from '@crm/people';
import { Allow, AllowField, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { EngagementService } from './engagement.service';
import { EngagementObject, SetEngagementOverrideInputType } from './engagement.object';
import type { EngagementStateRow } from './engagement.repository';

function toObject(row: EngagementStateRow & { stage: EngagementObject['stage'] }): EngagementObject {
  return {
    stage: row.stage,
    derivedStage: row.derivedStage,
    factKind: row.factKind,
    factOn: row.factOn,
    factRecordType: row.factRecordType,
    factRecordId: row.factRecordId,
    factDetail: Object.entries(row.factDetail ?? {}).map(([key, value]) => ({ key, value: String(value) })),
    override: row.overrideStage
      ? { stage: row.overrideStage, note: row.overrideNote, setById: row.overrideById, setByName: row.overrideByName, setAt: row.overrideAt }
      : null,
  };
}

@Resolver(() => PersonObject)
export class PersonEngagementResolver {
  constructor(private readonly service: EngagementService) {}

  @AllowField('read', 'Person')
  @ResolveField(() => EngagementObject, { description: 'The ladder of engagement: the stage, what earned it, and any override (one person at a time)' })
  async engagement(@Ctx() ctx: RequestContext, @Parent() person: PersonObject): Promise<EngagementObject> {
    return toObject(await this.service.explain(ctx, person.id));
  }
}

@Resolver(() => EngagementObject)
export class EngagementResolver {
  constructor(private readonly service: EngagementService) {}

  @Allow('merge', 'Person')
  @Mutation(() => EngagementObject, { description: 'National staff: set a stage by hand (shown as an override), or clear it with stage null' })
  async setEngagementOverride(@Ctx() ctx: RequestContext, @Args('input') input: SetEngagementOverrideInputType): Promise<EngagementObject> {
    return toObject(await this.service.setOverride(ctx, parseInput(SetEngagementOverrideInput, input)));
  }
}
