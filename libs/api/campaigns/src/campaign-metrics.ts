import { Injectable } from '@nestjs/common';
import type { GoalMetric } from '@crm/contracts';
import type { EntityManager } from 'typeorm';

/** The campaign a goal is counted for: records that belong to no campaign count by its dates. */
export interface CountedCampaign {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * Counts one goal metric for a campaign, live: within `provinceCodes` (null: the
 * whole country). The domain that owns the records registers it (decision 080):
 * outreach counts leaders, events count events and attendance, and so on.
 */
export type MetricCounter = (manager: EntityManager, campaign: CountedCampaign, provinceCodes: readonly string[] | null) => Promise<number>;

/** The registry of goal metrics' counters; a metric nobody counts yet shows no progress. */
@Injectable()
export class CampaignMetrics {
  private readonly counters = new Map<GoalMetric, MetricCounter>();

  register(metric: GoalMetric, counter: MetricCounter): void {
    if (this.counters.has(metric)) throw new Error(`Campaign metric ${metric} is counted twice`);
    this.counters.set(metric, counter);
  }

  counterOf(metric: GoalMetric): MetricCounter | undefined {
    return this.counters.get(metric);
  }
}
