/**
 * Issue 15: an extension records its decision — the deciding body, the day and
 * the minutes' reference — besides the reason, and happens on the business axis
 * on the day it was decided, whenever it is entered.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { IDS, setUpOrganisations, signAgreement } from './full-year-story';

const { police, municipality, agreement } = IDS;
const promise = 'ml-habo-2018-forlangt';
const m = (name: string, input: string, fields = 'id') => `mutation($i: ${input}!) { ${name}(input: $i) { ${fields} } }`;
const extension = { promiseId: promise, newPeriodFrom: '2019-01-01', newPeriodTo: '2019-12-31', reason: 'Oförändrad problembild' };
const DECISION = { decidedBy: 'Kommunstyrelsen Habo kommun', decidedOn: '2018-12-10', decisionReference: 'KS 2018-12-10 § 187' };

describe('an extension records who decided it, when and where (GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOrganisations(t);
    await signAgreement(t);
    await t.as('coordinator', municipality).ok(m('draftPromise', 'DraftPromiseInput'), {
      i: {
        promiseId: promise, agreementId: agreement, title: 'Trygg skolväg', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trygg skolväg'],
        plannedActivities: [{ plannedActivityId: 'pa-sok', description: 'Hundsök', responsibleOrganisationIds: [police] }], occurredAt: '2017-11-20T10:00:00Z',
      },
    });
    await t.as('signatory', municipality).ok(m('adoptPromise', 'AdoptPromiseInput'), {
      i: { promiseId: promise, adoptedOn: '2017-12-12', place: 'Habo', signatories: [{ name: 'Gunnar Pettersson', title: 'KSO', organisationId: municipality }] },
    });
  }, 60_000);
  afterAll(() => t.close());

  it('refuses a decision without its deciding body, naming the field, and extends nothing', async () => {
    const { errors } = await t.as('coordinator', municipality).gql(m('extendPromise', 'ExtendPromiseInput'), {
      i: { ...extension, decidedOn: DECISION.decidedOn, decisionReference: DECISION.decisionReference },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DECISION', field: 'decidedBy' });
    const { promise: now } = await t.ok(`{ promise(id: "${promise}") { status periods { from } } }`);
    expect(now).toEqual({ status: 'Adopted', periods: [{ from: '2018-01-01' }] });
  });

  it('shows the decision on the new period, and dates the extension by the decision on the business axis', async () => {
    await t.as('coordinator', municipality).ok(m('extendPromise', 'ExtendPromiseInput'), { i: { ...extension, ...DECISION } });
    const { promise: extended } = await t.ok(`{ promise(id: "${promise}") { status periods { from extensionReason extensionDecision { decidedBy decidedOn reference } } } }`);
    expect(extended).toEqual({
      status: 'Extended',
      periods: [
        { from: '2018-01-01', extensionReason: null, extensionDecision: null },
        { from: '2019-01-01', extensionReason: 'Oförändrad problembild', extensionDecision: { decidedBy: DECISION.decidedBy, decidedOn: '2018-12-10', reference: DECISION.decisionReference } },
      ],
    });
    const { history } = await t.as('auditor').ok(`{ history(of: PROMISE, id: "${promise}", from: "2018-12-01", to: "2018-12-31") { type occurredAt } }`);
    expect(history).toEqual([{ type: 'PromiseExtended', occurredAt: '2018-12-10T00:00:00.000Z' }]);
    const { asOf } = await t.as('auditor').ok(`{ asOf(of: PROMISE, id: "${promise}", at: "2018-12-09") { state } }`);
    expect(asOf.state.status).toBe('Adopted');
  });
});
