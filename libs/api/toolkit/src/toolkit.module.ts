import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { IdentityModule } from '@crm/identity';
import { MailModule } from '@crm/mail';
import { OrganizationsModule } from '@crm/organizations';
import { RecordsModule, TransferModule } from '@crm/records';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { PublicRequestLimits } from './public-request-limits';
import { ToolkitLoaders } from './toolkit-loaders';
import { ToolkitRequestRepository } from './toolkit-request.repository';
import { ToolkitRequestsService } from './toolkit-requests.service';
import { ToolkitCatalogueResolver, ToolkitRequestsResolver } from './toolkit.resolver';
import { ToolkitTransfer } from './toolkit.transfer';

/** Toolkit distribution (issue 13, decision 090): catalogue, stock, requests, the public form. */
@Module({
  imports: [CampaignModule, IdentityModule, MailModule, OrganizationsModule, RecordsModule, TransferModule],
  providers: [
    CatalogueRepository,
    CatalogueService,
    ToolkitRequestRepository,
    ToolkitRequestsService,
    PublicRequestLimits,
    ToolkitLoaders,
    ToolkitCatalogueResolver,
    ToolkitRequestsResolver,
    ToolkitTransfer,
  ],
  exports: [CatalogueService, ToolkitRequestsService],
})
export class ToolkitModule {}
