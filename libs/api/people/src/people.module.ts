import { Module } from '@nestjs/common';
import { IdentityModule } from '@crm/identity';
import { OrganizationsModule } from '@crm/organizations';
import { RecordsModule, TransferModule } from '@crm/records';
import { DuplicatePairsRepository } from './duplicate-pairs/duplicate-pairs.repository';
import { DuplicatePairsResolver } from './duplicate-pairs/duplicate-pairs.resolver';
import { DuplicatePairsService } from './duplicate-pairs/duplicate-pairs.service';
import { CoalitionFiguresRepository } from './figures/coalition-figures.repository';
import { CoalitionFiguresResolver } from './figures/coalition-figures.resolver';
import { PeopleLoaders } from './people-loaders';
import { DirectoryResolver, OrganizationPeopleResolver, PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { PersonMailRecipients } from './person-mail.repository';
import { PersonMergeHooks } from './person-merge-hooks';
import { PersonRepository } from './person.repository';
import { PeopleImportModule } from './person.import';
import { PersonTransfer } from './person.transfer';

@Module({
  imports: [IdentityModule, OrganizationsModule, RecordsModule, TransferModule, PeopleImportModule],
  providers: [
    PersonRepository,
    PeopleService,
    PeopleLoaders,
    PersonMergeHooks,
    PeopleResolver,
    OrganizationPeopleResolver,
    DirectoryResolver,
    PersonTransfer,
    CoalitionFiguresRepository,
    CoalitionFiguresResolver,
    DuplicatePairsRepository,
    DuplicatePairsService,
    DuplicatePairsResolver,
    PersonMailRecipients,
  ],
  exports: [PeopleService, PersonMergeHooks, PersonMailRecipients, DuplicatePairsRepository],
})
export class PeopleModule {}
