// Toolkit distribution (issue 13): catalogue, stock movements, requests and their lifecycle.
export { ToolkitModule } from './toolkit.module';
export { CatalogueService } from './catalogue.service';
export { ToolkitRequestsService } from './toolkit-requests.service';
export { publicRequestsPerMinute, duplicateWindowMinutes } from './public-request-limits';
export type { ToolkitItemRow, ToolkitRequestRow, ToolkitMovementRow } from './toolkit.rows';
export { ErasePublicRequestersJob, ToolkitWorkerModule, PUBLIC_REQUESTER_KEEP_MONTHS } from './jobs/erase-public-requesters.job';
