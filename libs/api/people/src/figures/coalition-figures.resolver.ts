import { Query, Resolver } from '@nestjs/graphql';
import { engagementStageValues } from '@crm/contracts';
import { OrganizationsService } from '@crm/organizations';
import { Allow } from '@crm/platform';
import { CoalitionFiguresObject, smallCount } from './coalition-figures.object';
import { CoalitionFiguresRepository } from './coalition-figures.repository';

// A small group is not shown (null), so no one can be singled out.
const shown = (count: number) => (count < smallCount ? null : count);

@Resolver(() => CoalitionFiguresObject)
export class CoalitionFiguresResolver {
  constructor(
    private readonly figures: CoalitionFiguresRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  // Whoever may read reports (funders included): the figures carry no personal data.
  @Allow('read', 'Report')
  @Query(() => CoalitionFiguresObject)
  async coalitionFigures(): Promise<CoalitionFiguresObject> {
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
