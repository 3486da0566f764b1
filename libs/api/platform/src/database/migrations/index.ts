import { Foundation1764190000000 } from './1764190000000-foundation';
import { IdentityAndAudit1764200000000 } from './1764200000000-identity-and-audit';
import { OrganizationsAndPeople1764210000000 } from './1764210000000-organizations-and-people';
import { Imports1764220000000 } from './1764220000000-imports';
import { SearchWords1764230000000 } from './1764230000000-search-words';
import { RecordOrder1764240000000 } from './1764240000000-record-order';
import { ApplicationRole1764255000000 } from './1764255000000-application-role';
import { LivedExperienceOneField1764260000000 } from './1764260000000-lived-experience-one-field';
import { JobTicks1764270000000 } from './1764270000000-job-ticks';
import { OutreachAndLadder1764330000000 } from './1764330000000-outreach-and-ladder';
import { Toolkit1764340000000 } from './1764340000000-toolkit';
import { Stories1764350000000 } from './1764350000000-stories';
import { EventsAndPledges1764360000000 } from './1764360000000-events-and-pledges';
import { ToolkitHistoryAndMailRecords1764400000000 } from './1764400000000-toolkit-history-and-mail-records';
import { SavedViews1764420000000 } from './1764420000000-saved-views';
import { ImportKinds1764450000000 } from './1764450000000-import-kinds';
import { ToolkitCatalogueEditor1764500000000 } from './1764500000000-toolkit-catalogue-editor';
import { PledgeOutreachLink1764510000000 } from './1764510000000-pledge-outreach-link';
import { RsvpIds1764510000001 } from './1764510000001-rsvp-ids';
import { EventMail1764520000000 } from './1764520000000-event-mail';
import { EventCancellationMail1764520000001 } from './1764520000001-event-cancellation-mail';
import { DuplicateQueue1764530000000 } from './1764530000000-duplicate-queue';
import { DuplicateQueueSpeed1764560000000 } from './1764560000000-duplicate-queue-speed';
import { PersonEmailSyncPerStatement1764570000000 } from './1764570000000-person-email-sync-per-statement';

// In order. A migration is never edited once it has landed on main: add a new one.
export const migrations = [
  Foundation1764190000000,
  IdentityAndAudit1764200000000,
  OrganizationsAndPeople1764210000000,
  Imports1764220000000,
  SearchWords1764230000000,
  RecordOrder1764240000000,
  ApplicationRole1764255000000,
  LivedExperienceOneField1764260000000,
  JobTicks1764270000000,
  OutreachAndLadder1764330000000,
  Toolkit1764340000000,
  Stories1764350000000,
  EventsAndPledges1764360000000,
  ToolkitHistoryAndMailRecords1764400000000,
  SavedViews1764420000000,
  ImportKinds1764450000000,
  ToolkitCatalogueEditor1764500000000,
  PledgeOutreachLink1764510000000,
  RsvpIds1764510000001,
  EventMail1764520000000,
  EventCancellationMail1764520000001,
  DuplicateQueue1764530000000,
  DuplicateQueueSpeed1764560000000,
  PersonEmailSyncPerStatement1764570000000,
];
