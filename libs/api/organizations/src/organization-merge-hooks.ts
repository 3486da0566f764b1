import { Injectable } from '@nestjs/common';
import { MergeHooks } from '@crm/records';

/**
 * What other modules attach to an organization, moved when two merge: member
 * contacts (identity), affiliations (people), later events hosted, pledges and
 * toolkit requests. One instance, shared by every module.
 */
@Injectable()
export class OrganizationMergeHooks extends MergeHooks {}
