import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { RecordsModule, TransferModule } from '@crm/records';
import { OrganizationMergeHooks } from './organization-merge-hooks';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { OrganizationTransfer } from './organization.transfer';

@Module({
  imports: [IdentityModule, RecordsModule, TransferModule],
  providers: [OrganizationRepository, OrganizationsService, OrganizationsResolver, OrganizationMergeHooks, OrganizationTransfer],
  exports: [OrganizationsService, OrganizationMergeHooks],
})
export class OrganizationsModule {}
