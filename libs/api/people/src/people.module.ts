import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@crm/organizations';
import { TimelineModule } from '@crm/timeline';
import { PeopleLoaders } from './people-loaders';
import { DirectoryResolver, OrganizationPeopleResolver, PeopleResolver } from './people.resolver';
import { PeopleService } from './people.service';
import { PersonMergeHooks } from './person-merge-hooks';
import { PersonRepository } from './person.repository';

@Module({
  imports: [OrganizationsModule, TimelineModule],
  providers: [PersonRepository, PeopleService, PeopleLoaders, PersonMergeHooks, PeopleResolver, OrganizationPeopleResolver, DirectoryResolver],
  exports: [PeopleService, PersonMergeHooks],
})
export class PeopleModule {}
