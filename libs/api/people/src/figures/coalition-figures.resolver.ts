import { Query, Resolver } from '@nestjs/graphql';
import { engagementStageValues } from '@crm/contracts';
import { OrganizationsService } from '@crm/organizations';
import { reachesEveryRecord } from '@crm/authz';
import { Allow, Ctx, type RequestContext } from '@crm/platform';
import { CoalitionFiguresObject, smallCount } from './coalition-figures.object';
import { CoalitionFiguresRepository } from './coalition-figures.repository';

@Resolver(() => CoalitionFiguresObject)
export class CoalitionFiguresResolver {
  constructor(
    private readonly figures: CoalitionFiguresRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  // Whoever may read reports (funders included): the figures carry no personal data.
  @Allow('read', 'Report')
  @Query(() => CoalitionFiguresObject)
  async coalitionFigures(@Ctx() ctx: RequestContext): Promise<CoalitionFiguresObject> {
    // A small group is not shown (null) so no one can be singled out, except to those
    // who may open every person anyway (national staff): they count what they can list.
    const exact = reachesEveryRecord(ctx.ability, 'read', 'Person');
    const shown = (count: number) => (exact || count >= smallCount ? count : null);
    const [byStage, organizations] = await Promise.all([this.figures.peopleByStage(), this.organizations.activeCounts()]);
    const people = [...byStage.values()].reduce((sum, count) => sum + count, 0);
    return {
      organizations: organizations.all,
      memberOrganizations: organizations.members,
      people,
      peopleByStage: engagementStageValues.map((stage) => ({ stage, count: shown(byStage.get(stage) ?? 0) })),
    };
  }
}
