import { filtersQuery, exportQuery, organizationFilter, organizationFiltersFrom, peopleFiltersFrom, personFilter, tagLabels } from './records';

describe('records list filters', () => {
  const viewerId = '00000000-0000-4000-8000-000000000001';
  const regionId = '11111111-1111-4111-8111-111111111111';

  it('reads the people filters from the URL, dropping values the lists do not know', () => {
    const filters = peopleFiltersFrom(
      new URLSearchParams({ search: ' Ana ', province: 'XX', region: regionId, stage: 'engaged', category: 'nope', tag: 'youth', mine: '1', sort: 'SIZE' }),
    );
    expect(filters).toEqual({
      search: 'Ana',
      province: '',
      region: regionId,
      tag: 'youth',
      mine: true,
      archived: false,
      sort: '',
      stage: 'engaged',
      category: '',
    });
    expect(peopleFiltersFrom(new URLSearchParams({ sort: 'UPDATED' })).sort).toBe('UPDATED');
  });

  it("keeps the export's query in the API filter's order, the list's own filters in the middle", () => {
    const people = peopleFiltersFrom(new URLSearchParams({ search: 'Ana', province: 'ON', region: regionId, stage: 'engaged', tag: 'youth', mine: '1' }));
    expect(exportQuery(personFilter(people, viewerId)).toString()).toBe(
      `search=Ana&provinceCodes=ON&regionId=${regionId}&engagementStages=engaged&tags=youth&ownerId=${viewerId}&archived=false`,
    );
    const organizations = organizationFiltersFrom(new URLSearchParams({ kind: 'faith_community', membership: 'member', archived: '1', region: 'not-a-uuid' }));
    expect(Object.keys(organizationFilter(organizations, viewerId))).toEqual([
      'search',
      'provinceCodes',
      'regionId',
      'kinds',
      'memberships',
      'tags',
      'ownerId',
      'archived',
      'sort',
    ]);
    expect(exportQuery(organizationFilter(organizations, viewerId)).toString()).toBe('kinds=faith_community&memberships=member&archived=true');
    const recent = organizationFiltersFrom(new URLSearchParams({ sort: 'UPDATED' }));
    expect(exportQuery(organizationFilter(recent, viewerId)).toString()).toBe('archived=false&sort=UPDATED');
  });

  it("names a tag in the reader's language, or by its slug when the list does not know it", () => {
    const label = tagLabels('fr', [{ slug: 'youth', labelEn: 'Youth', labelFr: 'Jeunesse' }]);
    expect(label('youth')).toBe('Jeunesse');
    expect(label('other')).toBe('other');
  });

  it('writes the URL filters back as the URL reads them (the export link re-reads them)', () => {
    const filters = peopleFiltersFrom(new URLSearchParams({ search: 'Ana', province: 'ON', stage: 'engaged', mine: '1', sort: 'UPDATED' }));
    expect(filtersQuery(filters).toString()).toBe('search=Ana&province=ON&mine=1&sort=UPDATED&stage=engaged');
    expect(peopleFiltersFrom(filtersQuery(filters))).toEqual(filters);
  });
});
