import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@crm/organizations';
import { RecordsModule, TransferModule } from '@crm/records';
import { PeopleLoaders } from './people-loaders';
import { DirectoryResolver, OrganizationPeopleResolver, PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { PersonMergeHooks } from './person-merge-hooks';
import { PersonRepository } from './person.repository';
import { PersonTransfer } from './person.transfer';

@Module({
  imports: [OrganizationsModule, RecordsModule, TransferModule],
  providers: [PersonRepository, PeopleService, PeopleLoaders, PersonMergeHooks, PeopleResolver, OrganizationPeopleResolver, DirectoryResolver, PersonTransfer],
  exports: [PeopleService, PersonMergeHooks],
})
export class PeopleModule {}
