// The ladder of engagement (decision 081): one rules table, pluggable signals, recomputed in the writer's transaction.
export { EngagementModule } from './engagement.module';
export { EngagementService, rebuildBatchSize, type RebuildResult } from './engagement.service';
export { LadderSignals, type LadderSignal } from './ladder-signals';
export { ladderRules, ladderFactKinds, placeEach, placeOnLadder, reasonText, type LadderFact, type LadderFactKind, type LadderPlace } from './ladder-rules';
