import { Module } from '@nestjs/common';
import { AuditService } from '@crm/platform';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { OutreachDigestModule } from '@crm/outreach';
import { RecordsModule, TransferModule } from '@crm/records';
import { ActivityRecorder } from '@crm/timeline';
import { MarkOverduePledgesJob } from './mark-overdue-pledges.job';
import { OverduePledgesSection } from './overdue-pledges.section';
import { PledgeRepository } from './pledge.repository';
import { PledgesResolver } from './pledges.resolver';
import { PledgesService } from './pledges.service';
import { PledgeTransfer } from './pledge.transfer';

@Module({
  imports: [CampaignModule, RecordsModule, EngagementModule, TransferModule],
  providers: [PledgeRepository, PledgesService, PledgesResolver, PledgeTransfer],
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

/** The digest's overdue pledges section, registered in outreach's digest (decision 082): loaded by the worker. */
@Module({
  imports: [OutreachDigestModule],
  providers: [PledgeRepository, OverduePledgesSection],
})
export class PledgesDigestModule {}
