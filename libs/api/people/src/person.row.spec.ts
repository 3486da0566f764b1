import { affiliationsColumn, fieldsUnderReadRules, personColumnsFor } from './person.row';

// A list reads the columns its query shows; the columns access rules read (owner,
// creator, province) only when a field asked for is under a rule or is resolved
// from the row (decision 114).
describe('person rows: the columns a shaped read selects', () => {
  it('knows the fields under field-level read rules from the roles themselves', () => {
    expect([...fieldsUnderReadRules('Person')]).toContain('livedExperience');
    expect([...fieldsUnderReadRules('Organization')]).toContain('notes');
    expect(fieldsUnderReadRules('Person').has('firstName')).toBe(false);
  });

  it('reads no rule columns for names, stages and affiliations', () => {
    const sql = personColumnsFor(new Set(['id', 'firstName', 'lastName', 'provinceCode', 'engagementStage', 'affiliations', '__typename']));
    expect(sql).toContain('p.first_name AS "firstName"');
    expect(sql).toContain('p.province_code AS "provinceCode"');
    expect(sql).not.toContain('owner_id');
    expect(sql).not.toContain('created_by_id');
    // The id comes along even when the query does not ask for it (cursors, loaders).
    expect(personColumnsFor(new Set(['firstName']))).toContain('p.id AS "id"');
  });

  it.each([
    ['a field under a rule', 'livedExperience'],
    ['a field resolved from the row', 'engagement'],
  ])('reads the rule columns for %s', (_case, field) => {
    const sql = personColumnsFor(new Set(['firstName', field]));
    expect(sql).toContain('p.owner_id AS "ownerId"');
    expect(sql).toContain('p.created_by_id AS "createdById"');
    expect(sql).toContain('p.province_code AS "provinceCode"');
  });

  it("reads an organization's rule fields only when its fields asked for need them", () => {
    const plain = affiliationsColumn('TRUE', { organizationFields: new Set(['id', 'nameEn']) });
    expect(plain).toContain("'nameEn', o.name_en");
    expect(plain).not.toContain('o.owner_id');
    for (const field of ['notes', 'people']) {
      const ruled = affiliationsColumn('TRUE', { organizationFields: new Set(['nameEn', field]) });
      expect(ruled).toContain("'ownerId', o.owner_id");
      expect(ruled).toContain("'createdById', o.created_by_id");
      expect(ruled).toContain("'provinceCode', o.province_code");
    }
    expect(affiliationsColumn('TRUE', 'all')).toContain("'ownerId', o.owner_id");
  });
});
