import { Module } from '@nestjs/common';
import { TimelineModule } from '@crm/timeline';
import { OrganizationMergeHooks } from './merge-hooks';
import { OrganizationRepository } from './organization.repository';
import { OrganizationsResolver, TagResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { RecordRules } from './record-rules';

@Module({
  imports: [TimelineModule],
  providers: [OrganizationRepository, OrganizationsService, OrganizationsResolver, RecordRules, TagResolver, OrganizationMergeHooks],
  exports: [OrganizationsService, RecordRules, OrganizationMergeHooks],
})
export class OrganizationsModule {}
