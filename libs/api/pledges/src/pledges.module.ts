import { Module } from '@nestjs/common';
import { AuditService } from '@crm/platform';
import { RecordsModule } from '@crm/records';
import { ActivityRecorder } from '@crm/timeline';
import { MarkOverduePledgesJob } from './mark-overdue-pledges.job';
import { PledgeRepository } from './pledge.repository';
import { PledgesResolver } from './pledges.resolver';
import { PledgesService } from './pledges.service';

@Module({
  imports: [RecordsModule],
  providers: [PledgeRepository, PledgesService, PledgesResolver],
  exports: [PledgesService],
})
export class PledgesModule {}

/** The daily overdue mark (`@RepeatableJob`): loaded by the worker; tests call it directly. */
@Module({
  // AuditService here too: the worker has no global AuditModule.
  providers: [AuditService, ActivityRecorder, PledgeRepository, MarkOverduePledgesJob],
  exports: [MarkOverduePledgesJob],
})
export class PledgesWorkerModule {}
