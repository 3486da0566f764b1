import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  CreatePersonInput,
  Id,
  MergeRecordsInput,
  PageArgs,
  PersonDuplicatesInput,
  PersonFilter,
  RecordVersionInput,
  SearchDirectoryArgs,
  UpdatePersonInput,
} from '@crm/contracts';
import { OrganizationObject, OrganizationsService, type OrganizationRow } from '@crm/organizations';
import { Allow, AllowField, Authenticated, Ctx, ForbiddenException, asksFor, parseInput, selectedFields, type RequestContext } from '@crm/platform';
import { MergeRecordsInputType, RecordVersionInputType, withoutNulls } from '@crm/records';
import { CreatePersonInputType, PersonDuplicatesInputType, PersonFilterInputType, UpdatePersonInputType } from './dtos/person.inputs';
import { DirectoryResultObject, PersonConnection, PersonObject } from './dtos/person.object';
import { PeopleLoaders } from './people-loaders';
import { PeopleService } from './people.service';
import type { PersonShape } from './person.row';

const OrganizationPeopleFirst = 50;

@Resolver(() => PersonObject)
export class PeopleResolver {
  constructor(private readonly service: PeopleService) {}

  @Allow('read', 'Person')
  @Query(() => PersonConnection, { description: 'People the caller may see, by last then first name (keyset pages of 50 by default)' })
  async people(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: PersonFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersonConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(PersonFilter, withoutNulls(filter), ['filter']);
    const [result, totalCount] = await Promise.all([
      this.service.list(ctx, parsed, page.first, page.after, shapeOf(info)),
      asksFor(info, 'totalCount') ? this.service.count(ctx, parsed) : undefined,
    ]);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage }, totalCount };
  }

  @Allow('read', 'Person')
  @Query(() => PersonObject)
  person(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PersonObject> {
    return this.service.get(ctx, parseInput(Id, id, ['id']));
  }

  @Allow('create', 'Person')
  @Query(() => [PersonObject], {
    description: 'Before adding a person: those you may see who may be them (same e-mail; close name in the same city), at most 5',
  })
  personDuplicates(@Ctx() ctx: RequestContext, @Args('input') input: PersonDuplicatesInputType): Promise<PersonObject[]> {
    return this.service.duplicatesOf(ctx, parseInput(PersonDuplicatesInput, withoutNulls(input)));
  }

  @Allow('create', 'Person')
  @Mutation(() => PersonObject)
  createPerson(@Ctx() ctx: RequestContext, @Args('input') input: CreatePersonInputType): Promise<PersonObject> {
    return this.service.create(ctx, parseInput(CreatePersonInput, withoutNulls(input)));
  }

  @Allow('update', 'Person')
  @Mutation(() => PersonObject, { description: 'CONFLICT when `version` is not the current one' })
  updatePerson(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePersonInputType): Promise<PersonObject> {
    return this.service.update(ctx, parseInput(UpdatePersonInput, input));
  }

  @Allow('archive', 'Person')
  @Mutation(() => PersonObject)
  archivePerson(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<PersonObject> {
    return this.service.archive(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('archive', 'Person')
  @Mutation(() => PersonObject)
  restorePerson(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<PersonObject> {
    return this.service.restore(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('merge', 'Person')
  @Mutation(() => PersonObject, { description: 'Folds the duplicate into the survivor and archives it; returns the survivor' })
  mergePeople(@Ctx() ctx: RequestContext, @Args('input') input: MergeRecordsInputType): Promise<PersonObject> {
    return this.service.merge(ctx, parseInput(MergeRecordsInput, input));
  }
}

// The shape depends only on the document (directives are ignored), and Mercurius hands the
// compiled query the same field nodes every time it runs: worked out once per query text.
const shapes = new WeakMap<GraphQLResolveInfo['fieldNodes'], PersonShape>();

/** A list reads only the fields its query asks for, of people and of their organizations. */
function shapeOf(info: GraphQLResolveInfo): PersonShape {
  let shape = shapes.get(info.fieldNodes);
  if (!shape) {
    shape = selectedShape(info);
    shapes.set(info.fieldNodes, shape);
  }
  return shape;
}

function selectedShape(info: GraphQLResolveInfo): PersonShape {
  const fields = selectedFields(info, ['nodes']) ?? new Set<string>();
  if (!fields.has('affiliations')) return { fields, affiliations: 'none' };
  // A resolved field of the organization (its people, say) needs only the id, always read.
  return { fields, affiliations: { organizationFields: selectedFields(info, ['nodes', 'affiliations', 'organization']) ?? new Set() } };
}

@Resolver(() => OrganizationObject)
export class OrganizationPeopleResolver {
  constructor(private readonly loaders: PeopleLoaders) {}

  @AllowField('read', 'Person')
  @ResolveField(() => [PersonObject], {
    nullable: true,
    description: 'Affiliated people the caller may see, by name (the first 50 unless `first` says otherwise); null for a role that reads no people',
  })
  people(
    @Ctx() ctx: RequestContext,
    @Parent() organization: OrganizationRow,
    @Args('first', { type: () => Int, nullable: true }) first: number,
  ): Promise<PersonObject[]> {
    const page = parseInput(PageArgs, { first: first ?? OrganizationPeopleFirst }, []);
    return this.loaders.peopleOfOrganization(ctx, page.first).load(organization.id);
  }
}

@Resolver(() => DirectoryResultObject)
export class DirectoryResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly people: PeopleService,
  ) {}

  // Each half is scoped in SQL; a role that may read neither (FUNDER) is refused.
  @Authenticated()
  @Query(() => DirectoryResultObject, { description: 'Organizations and people by name, tolerant of typos, accents and case' })
  async searchDirectory(
    @Ctx() ctx: RequestContext,
    @Args('text') text: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Per kind; default 10, at most 50' }) first: number,
  ): Promise<DirectoryResultObject> {
    const args = parseInput(SearchDirectoryArgs, { text, first: first ?? undefined }, []);
    const canOrganizations = ctx.ability.can('read', 'Organization');
    const canPeople = ctx.ability.can('read', 'Person');
    if (!canOrganizations && !canPeople) throw new ForbiddenException();
    const [organizations, people] = await Promise.all([
      canOrganizations ? this.organizations.search(ctx, args.text, args.first) : [],
      canPeople ? this.people.search(ctx, args.text, args.first) : [],
    ]);
    return { organizations, people };
  }
}
