import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { EngagementStage } from '@crm/contracts';
import { EngagementStageEnum } from '../dtos/person.object';

/**
 * Coalition-wide figures for the homes of national staff and funders: numbers only,
 * never a record. A count under `smallCount` answers null, so a small group cannot
 * be singled out (the rule reports follow for funders), except to national staff.
 */
export const smallCount = 5;

@ObjectType('StageFigure')
export class StageFigureObject {
  @Field(() => EngagementStageEnum) stage: EngagementStage;
  @Field(() => Int, { nullable: true, description: `null when fewer than ${smallCount}, unless the viewer may read every person` }) count: number | null;
}

@ObjectType('CoalitionFigures', { description: 'Coalition-wide counts of active records (aggregates only: no record, no name)' })
export class CoalitionFiguresObject {
  @Field(() => Int) organizations: number;
  @Field(() => Int) memberOrganizations: number;
  @Field(() => Int) people: number;
  @Field(() => [StageFigureObject], { description: 'People at each rung of the ladder of engagement, in ladder order' }) peopleByStage: StageFigureObject[];
}
