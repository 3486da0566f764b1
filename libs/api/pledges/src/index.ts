export { PledgesModule, PledgesWorkerModule, PledgesDigestModule } from './pledges.module';
export { PledgesService } from './pledges.service';
export { MarkOverduePledgesJob } from './mark-overdue-pledges.job';
export { PledgeObject } from './dtos/pledge.object';
export type { PledgeRow } from './pledge.row';
