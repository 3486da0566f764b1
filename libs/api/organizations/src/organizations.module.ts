import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { RecordsModule, TransferModule } from '@crm/records';
import { OrganizationMergeHooks } from './organization-merge-hooks';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { OrganizationsImportModule } from './organization.import';
import { OrganizationTransfer } from './organization.transfer';

@Module({
  imports: [IdentityModule, RecordsModule, TransferModule, OrganizationsImportModule],
  providers: [OrganizationRepository, OrganizationsService, OrganizationsResolver, OrganizationMergeHooks, OrganizationTransfer],
  exports: [OrganizationsService, OrganizationMergeHooks],
})
export class OrganizationsModule {}
