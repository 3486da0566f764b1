// Outreach: contacts with people for a campaign, follow-ups, the ladder's outreach signal (decision 080).
export { OutreachModule } from './outreach.module';
export { OutreachService } from './outreach.service';
export { OutreachObject, OutreachConnection } from './dtos/outreach.object';
export { localDate, addDays } from './local-date';
export { OutreachDigestModule } from './digest/digest.module';
export { DigestSections, type DigestSection, type DigestPart, type DigestLine, type DigestRecipient } from './digest/digest-sections';
export { SendDailyDigestsJob, DIGEST_WINDOW_HOURS, DIGEST_BATCH_SIZE } from './digest/send-daily-digests.job';
