import { loadAllDemos } from '../../src/demo/load-all-demos';
import { KUNGSOR_IDS } from '../../src/demo/kungsor.demo';
import { SOT_IDS } from '../../src/demo/stenungsund-orust-tjorn.demo';
import { VADSTENA_IDS } from '../../src/demo/vadstena.demo';
import { startTestApp, TestApp } from '../support/test-app';

/** `npm run demo` loads these through the API; each case shows what it is in the demo for. */
describe('the demo cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadAllDemos(t.app);
  }, 120_000);
  afterAll(() => t.close());

  it('Stenungsund, Orust and Tjörn: one police area, three municipal chief executives and one police chief signing', async () => {
    const { agreement } = await t.as('coordinator', SOT_IDS.stenungsund).ok(`{ agreement(id: "${SOT_IDS.agreement}") { status validFrom validTo parties { organisationId kind requiredSignatoryRoles signatures { role } } } }`);
    expect(agreement).toMatchObject({ status: 'Active', validFrom: '2023-01-01', validTo: '2024-12-31' });
    expect(agreement.parties.map((p: any) => [p.kind, p.requiredSignatoryRoles, p.signatures.map((s: any) => s.role)])).toEqual([
      ['LocalPoliceArea', ['LocalPoliceAreaChief'], ['LocalPoliceAreaChief']],
      ...[1, 2, 3].map(() => ['Municipality', ['MunicipalChiefExecutive'], ['MunicipalChiefExecutive']]),
    ]);
    const { organisation } = await t.ok(`{ organisation(id: "${SOT_IDS.police}") { servedMunicipalityIds } }`);
    expect(organisation.servedMunicipalityIds).toEqual([SOT_IDS.stenungsund, SOT_IDS.orust, SOT_IDS.tjorn]);
  });

  it('Vadstena / LPO Motala: 2018 extended into 2019 with revised activities', async () => {
    const { promise } = await t.as('coordinator', VADSTENA_IDS.municipality).ok(`{ promise(id: "${VADSTENA_IDS.promise}") { status periods { from to } plannedActivities { id target { quantity } } finalReports { periodFrom submittedOn } } }`);
    expect(promise.status).toBe('Extended');
    expect(promise.periods).toEqual([{ from: '2018-01-01', to: '2018-12-31' }, { from: '2019-01-01', to: '2019-12-31' }]);
    expect(promise.plannedActivities.map((a: any) => [a.id, a.target?.quantity ?? null])).toEqual([['trygghetsvandringar', 2], ['motoriserade-ungdomar', 6], ['foraldramoten', null]]);
    expect(promise.finalReports).toEqual([{ periodFrom: '2018-01-01', submittedOn: '2019-01-22' }]);
  });

  it('Kungsör 2015: night walks "at least two", both done', async () => {
    const { promise } = await t.as('coordinator', KUNGSOR_IDS.municipality).ok(`{ promise(id: "${KUNGSOR_IDS.promise}") { plannedActivities { target { quantity per text } progress(today: "2015-12-31") { logged status } } } }`);
    expect(promise.plannedActivities).toEqual([{ target: { quantity: 2, per: 'Period', text: 'minst två' }, progress: { logged: 2, status: 'Done' } }]);
  });
});
