import { Module } from '@nestjs/common';
import { MailModule } from '@crm/mail';
import { DigestRepository } from './digest.repository';
import { DigestSections } from './digest-sections';
import { FollowUpDigestSection } from './follow-up-digest.section';
import { SendDailyDigestsJob } from './send-daily-digests.job';

/**
 * The daily digest, for the worker (decision 082): the job, the section registry and
 * outreach's own section. Another domain adds its section with a provider that
 * injects `DigestSections` and registers in `onModuleInit`, in a module the worker loads.
 */
@Module({
  imports: [MailModule],
  providers: [DigestRepository, DigestSections, FollowUpDigestSection, SendDailyDigestsJob],
  exports: [DigestSections],
})
export class OutreachDigestModule {}
