import {
  campaignLimits,
  CampaignGoalInput,
  CreateCampaignInput,
  GoalMetric,
  goalMetricValues,
  Id,
  PolicyAskInput,
  Version,
  type GoalMetric as Metric,
} from '@crm/contracts';
import { localizedName, type Language } from '@crm/i18n';
import { z } from 'zod';

// The campaign form (new and edit): the API's campaign fields, the policy asks as
// rows, and the goals as a table of cells — one per metric and place (national, then
// each region), each with an optional target. An empty cell is "no goal there".

/** One cell of the goals table; its place is `regionId` (none: national). */
const GoalCell = z.object({
  metric: GoalMetric,
  regionId: Id.optional(),
  target: CampaignGoalInput.shape.target.optional(),
});

const datesInOrder = (value: { startsOn?: string | null; endsOn?: string | null }) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;

export const CampaignForm = z
  .object({
    ...CreateCampaignInput.shape,
    id: Id.optional(),
    version: Version.optional(),
    policyAsks: z.array(PolicyAskInput).max(campaignLimits.policyAsks),
    goals: z.array(GoalCell),
  })
  .refine(datesInOrder, { path: ['endsOn'], error: 'endsBeforeStart' });
export type CampaignForm = z.output<typeof CampaignForm>;

// Where the API's errors go (goal errors are moved to their cell by goalProblemsToCells).
export const campaignFormFields = [
  'nameEn',
  'nameFr',
  'descriptionEn',
  'descriptionFr',
  'startsOn',
  'endsOn',
  'status',
  'policyAsks',
  'policyAsks[].titleEn',
  'policyAsks[].titleFr',
  'policyAsks[].id',
  'goals',
  'goals[].target',
  'goals[].metric',
  'goals[].regionId',
] as const;
export const campaignTextFields = ['descriptionEn', 'descriptionFr', 'startsOn', 'endsOn'] as const;

/** The table's cells in the form's order: metric by metric, national first then each region. */
export function goalCells(regionIds: readonly string[], goals: readonly { metric: Metric; regionId?: string | null; target: number }[] = []) {
  const targets = new Map(goals.map((goal) => [`${goal.metric}/${goal.regionId ?? ''}`, goal.target]));
  return goalMetricValues.flatMap((metric) =>
    [null, ...regionIds].map((regionId) => {
      const target = targets.get(`${metric}/${regionId ?? ''}`);
      return { metric, regionId: regionId ?? '', target: target === undefined ? '' : String(target) };
    }),
  );
}

/** The API's goals from the table: the cells with a target, and for each the cell it came from. */
export function goalsFromCells(cells: CampaignForm['goals']) {
  const goals: CampaignGoalInput[] = [];
  const cellOf: number[] = [];
  cells.forEach((cell, index) => {
    if (cell.target === undefined) return;
    goals.push({ metric: cell.metric, regionId: cell.regionId ?? null, target: cell.target });
    cellOf.push(index);
  });
  return { goals, cellOf };
}

/**
 * A problem the API found with `goals[k]` belongs to the cell the k-th goal came
 * from: ['input', 'goals', 3, 'target'] → ['input', 'goals', cellOf[3], 'target'].
 */
export function goalProblemsToCells<P extends { path: (string | number)[] }>(problems: P[], cellOf: readonly number[]): P[] {
  return problems.map((problem) => {
    const [head, list, index, ...rest] = problem.path;
    if (head !== 'input' || list !== 'goals' || typeof index !== 'number' || cellOf[index] === undefined) return problem;
    return { ...problem, path: [head, list, cellOf[index], ...(rest.length ? rest : ['target'])] };
  });
}

/** The campaigns as a select's or a filter's choices, by their name in the viewer's language. */
export function campaignOptions(lang: Language, campaigns: readonly { id: string; nameEn: string; nameFr: string }[]): { value: string; label: string }[] {
  return campaigns.map((campaign) => ({ value: campaign.id, label: localizedName(lang, campaign) }));
}
