import { parseForm } from './forms';
import { CampaignForm, campaignOptions, goalCells, goalProblemsToCells, goalsFromCells } from './campaigns';

const ontario = '9c34b7fa-f689-464b-9941-e1f77f710ca4';
const quebec = '9bb814be-3624-4674-bf63-3db9c041ea70';

function formData(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe('the campaign form', () => {
  it('has a cell per metric and place, national first, filled from the goals set', () => {
    const cells = goalCells([ontario, quebec], [{ metric: 'attendance', regionId: quebec, target: 40 }]);
    expect(cells).toHaveLength(9 * 3);
    expect(cells.slice(0, 3)).toEqual([
      { metric: 'leadersContacted', regionId: '', target: '' },
      { metric: 'leadersContacted', regionId: ontario, target: '' },
      { metric: 'leadersContacted', regionId: quebec, target: '' },
    ]);
    expect(cells.find((cell) => cell.metric === 'attendance' && cell.regionId === quebec)?.target).toBe('40');
  });

  it('sends only the cells with a target, and puts the API’s goal problems back on their cell', () => {
    const parsed = parseForm(
      formData({
        nameEn: 'Welcome Week',
        nameFr: 'Semaine d’accueil',
        status: 'active',
        'goals[0].metric': 'leadersContacted',
        'goals[0].target': '',
        'goals[1].metric': 'leadersContacted',
        'goals[1].regionId': ontario,
        'goals[1].target': '25',
        'goals[2].metric': 'storiesGathered',
        'goals[2].target': '7',
      }),
      CampaignForm,
    );
    expect(parsed.status).toBe('success');
    if (parsed.status !== 'success') return;
    const { goals, cellOf } = goalsFromCells(parsed.value.goals);
    expect(goals).toEqual([
      { metric: 'leadersContacted', regionId: ontario, target: 25 },
      { metric: 'storiesGathered', regionId: null, target: 7 },
    ]);
    expect(goalProblemsToCells([{ path: ['input', 'goals', 1, 'target'] }, { path: ['input', 'nameEn'] }], cellOf)).toEqual([
      { path: ['input', 'goals', 2, 'target'] },
      { path: ['input', 'nameEn'] },
    ]);
  });

  it('says what is wrong beside each field: a missing French name, a target of 0, then an end before the start', () => {
    const fields = { nameEn: 'Welcome Week', status: 'draft', startsOn: '2027-06-20', endsOn: '2027-06-01', 'goals[0].metric': 'attendance' };
    const first = parseForm(formData({ ...fields, 'goals[0].target': '0' }), CampaignForm);
    expect(first.status).toBe('error');
    const errors = first.reply().error ?? {};
    expect(errors.nameFr).toEqual(['required']);
    expect(errors['goals[0].target']?.[0]).toMatch(/^tooSmall/);
    // The dates are compared once every field is right (zod checks the whole object last).
    const second = parseForm(formData({ ...fields, nameFr: 'Semaine d’accueil', 'goals[0].target': '10' }), CampaignForm);
    expect(second.reply().error).toEqual({ endsOn: ['endsBeforeStart'] });
  });
});

describe('campaignOptions', () => {
  const campaigns = [{ id: 'c1', nameEn: 'Stronger Communities', nameFr: 'Communautés plus fortes' }];
  it('offers each campaign by its id and its name in the viewer’s language', () => {
    expect(campaignOptions('en', campaigns)).toEqual([{ value: 'c1', label: 'Stronger Communities' }]);
    expect(campaignOptions('fr', campaigns)).toEqual([{ value: 'c1', label: 'Communautés plus fortes' }]);
  });
});
