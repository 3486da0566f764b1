import { Module } from '@nestjs/common';
import { ActivityRecorder } from './activity-recorder';
import { TimelineRepository } from './timeline.repository';
import { TimelineResolver } from './timeline.resolver';
import { TimelineService } from './timeline.service';
import { TimelineSubjects } from './timeline-subjects';

// Below the record modules: organizations and people (and later outreach, events,
// pledges…) append to the timeline; the timeline depends on none of them.
@Module({
  providers: [ActivityRecorder, TimelineSubjects, TimelineRepository, TimelineService, TimelineResolver],
  exports: [ActivityRecorder, TimelineSubjects],
})
export class TimelineModule {}
