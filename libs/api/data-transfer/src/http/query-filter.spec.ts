import { OrganizationFilter, PersonFilter } from '@crm/contracts';
import { BadUserInputException } from '@crm/platform';
import { filterFromQuery } from './query-filter';

describe('filterFromQuery: a list filter from a URL, read against the list’s own schema', () => {
  it('splits list fields, reads booleans and single values', () => {
    const filter = filterFromQuery(PersonFilter, { provinceCodes: 'ON,QC', tags: 'faith', archived: 'true', search: ' Côté ', lang: 'fr' }, ['lang']);
    expect(filter).toMatchObject({ provinceCodes: ['ON', 'QC'], tags: ['faith'], archived: true, search: 'Côté' });
    expect(filterFromQuery(OrganizationFilter, { kinds: 'business,other' }).kinds).toEqual(['business', 'other']);
  });

  it('refuses unknown keys and bad values with the field named', () => {
    expect(() => filterFromQuery(PersonFilter, { nope: '1' })).toThrow(BadUserInputException);
    try {
      filterFromQuery(PersonFilter, { archived: 'maybe' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputException);
      expect((error as BadUserInputException).fields.map((f) => f.path)).toEqual([['filter', 'archived']]);
    }
  });
});
