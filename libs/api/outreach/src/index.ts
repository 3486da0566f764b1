// Outreach: contacts with people for a campaign, follow-ups, the ladder's outreach signal (decision 080).
export { OutreachModule } from './outreach.module';
export { OutreachService } from './outreach.service';
export { OutreachObject, OutreachConnection } from './dtos/outreach.object';
export { localDate, addDays } from './local-date';
