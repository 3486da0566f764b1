import { Injectable } from '@nestjs/common';
import { MergeHooks } from '@crm/records';

/**
 * What other modules attach to a person, moved when two people merge. Later
 * issues register here: outreach (person_id), pledges (person_id), event RSVPs and
 * attendance (person_id, keeping the survivor's answer on a clash), event host
 * leaders, stories (storyteller_id). Affiliations and the timeline move in PeopleService.
 */
@Injectable()
export class PersonMergeHooks extends MergeHooks {}
