export { TimelineModule } from './timeline.module';
export { ActivityRecorder, type ActivityEntry, type TimelineSubjectType } from './activity-recorder';
export { TimelineSubjects, type RecordAccess } from './timeline-subjects';
