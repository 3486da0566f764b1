import type { CampaignEntity } from './campaign.entity';
import { toCampaignObject } from './campaign.service';

describe('toCampaignObject', () => {
  it('orders policy asks by position whatever order the database returned', () => {
    const entity = {
      id: 'c1',
      slug: 'protecting-refugees',
      nameEn: 'EN',
      nameFr: 'FR',
      startsOn: null,
      endsOn: null,
      isDefault: true,
      policyAsks: [
        { id: 'p3', position: 3, titleEn: 'c', titleFr: 'c' },
        { id: 'p1', position: 1, titleEn: 'a', titleFr: 'a' },
        { id: 'p2', position: 2, titleEn: 'b', titleFr: 'b' },
      ],
    } as unknown as CampaignEntity;
    expect(toCampaignObject(entity).policyAsks.map((ask) => ask.id)).toEqual(['p1', 'p2', 'p3']);
  });
});
