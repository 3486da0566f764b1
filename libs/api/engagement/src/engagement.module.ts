import { Module } from '@nestjs/common';
import { PeopleModule } from '@crm/people';
import { EngagementRepository } from './engagement.repository';
import { EngagementResolver, PersonEngagementResolver } from './engagement.resolver';
import { EngagementService } from './engagement.service';
import { LadderSignals } from './ladder-signals';

@Module({
  imports: [PeopleModule],
  providers: [EngagementRepository, EngagementService, LadderSignals, PersonEngagementResolver, EngagementResolver],
  exports: [EngagementService, LadderSignals],
})
export class EngagementModule {}
