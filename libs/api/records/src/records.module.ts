import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { TimelineModule } from '@crm/timeline';
import { TagResolver } from './graphql/tag.resolver';
import { RecordRules } from './rules/record-rules';
import { TagRepository } from './rules/tag.repository';
import { RecordWriter } from './write/record-writer';

/** The records floor: what every record type's module imports (decision 055). */
@Module({
  imports: [IdentityModule, TimelineModule],
  providers: [TagRepository, RecordRules, RecordWriter, TagResolver],
  exports: [RecordRules, RecordWriter, TimelineModule],
})
export class RecordsModule {}
