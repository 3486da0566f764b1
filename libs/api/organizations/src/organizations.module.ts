import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { RecordsModule } from '@crm/records';
import { OrganizationMergeHooks } from './organization-merge-hooks';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [IdentityModule, RecordsModule],
  providers: [OrganizationRepository, OrganizationsService, OrganizationsResolver, OrganizationMergeHooks],
  exports: [OrganizationsService, OrganizationMergeHooks],
})
export class OrganizationsModule {}
