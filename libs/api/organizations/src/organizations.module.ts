import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { TimelineModule } from '@crm/timeline';
import { OrganizationMergeHooks } from './merge-hooks';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsResolver, TagResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { RecordRules } from './record-rules';

@Module({
  imports: [IdentityModule, TimelineModule],
  providers: [OrganizationRepository, OrganizationsService, OrganizationsResolver, RecordRules, TagResolver, OrganizationMergeHooks],
  exports: [OrganizationsService, RecordRules, OrganizationMergeHooks],
})
export class OrganizationsModule {}
