import fc from 'fast-check';
import { Caller, startTestApp, TestApp } from '../support/test-app';
import { connectWs, WsConnection, WsSubscription } from '../support/ws-client';
import { HABO_DRAFTS, HABO_IDS, loadAccessFixture, VADSTENA } from './support/access-fixture';
import { print, rootSelection, RootSelection, withinLimits } from './support/selection-arbitrary';

/**
 * Property: whatever a caller selects, a subscription delivers exactly what
 * the same selection as a query over HTTP gives that caller at that moment —
 * the same objects (a draft only to its parties and auditors), the same
 * fields and values (notes only to those who may read them), nothing more.
 *
 * Each run generates one random selection per subscription (every field of
 * the output types and the types below them, with arguments, aliases, inline
 * fragments and named fragments, within the limits), lets every role
 * subscribe with it over a real socket, then changes a draft and a published
 * object of each kind. Per change, each role's deliveries are compared with
 * its own HTTP query; the published change comes last, so once it has
 * arrived anything withheld would have arrived before it.
 */
const ROLES: Record<string, [Caller, string | null] | null> = {
  anonymous: null,
  memberOfParty: ['member', HABO_IDS.police],
  memberOfNonParty: ['member', 'kungsor-kommun'],
  coordinator: ['coordinator', HABO_IDS.municipality],
  signatory: ['signatory', VADSTENA.municipality],
  auditor: ['auditor', null],
  admin: ['admin', null],
};

type Topic = 'agreementChanged' | 'promiseChanged' | 'activityLogged';
type Change = { topic: Topic; id: string; promiseId?: string; make: () => Promise<unknown> };

/** The query that reads what an event of this topic is about, with the same selection, and where its object is in the answer. */
const OVER_HTTP: Record<Topic, { type: string; query: (change: Change, body: string) => string; pick: (data: any, change: Change) => unknown }> = {
  agreementChanged: { type: 'CollaborationAgreement', query: (c, body) => `{ agreement(id: "${c.id}") { id ${body} } }`, pick: (data) => data?.agreement },
  promiseChanged: { type: 'CitizenPromise', query: (c, body) => `{ promise(id: "${c.id}") { id ${body} } }`, pick: (data) => data?.promise },
  activityLogged: {
    type: 'ActivityLogEntry',
    query: (c, body) => `{ activityLog(promiseId: "${c.promiseId}", includeSuperseded: true, first: 500) { edges { node { id ${body} } } } }`,
    pick: (data, c) => data?.activityLog.edges.map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === c.id),
  },
};
const TOPICS = Object.keys(OVER_HTTP) as Topic[];

describe('a subscription delivers what the same query over HTTP gives the same caller', () => {
  let t: TestApp;
  const sockets: Record<string, WsConnection> = {};
  beforeAll(async () => {
    t = await startTestApp();
    await loadAccessFixture(t);
    for (const [role, caller] of Object.entries(ROLES)) {
      sockets[role] = connectWs(t, { token: caller ? await t.token(...caller) : null });
      await sockets[role].connected;
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(Object.values(sockets).map((ws) => ws.dispose()));
    await t.close();
  });

  const httpAs = (role: string, query: string) => (ROLES[role] ? t.as(...ROLES[role]!) : t.anonymous).gql(query);
  const m = (name: string, type: string) => `mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`;

  /** Per run, by topic: a change to a draft (parties and auditors only), then one to a published object. */
  function changes(run: number): Change[][] {
    const habo = t.as('coordinator', HABO_IDS.municipality);
    const vadstena = t.as('coordinator', VADSTENA.municipality);
    const plan = (client: typeof habo, promiseId: string) => () =>
      client.ok(m('planFollowUps', 'PlanFollowUpsInput'), { i: { promiseId, followUps: [{ followUpId: `f-${run}`, dueOn: '2018-06-01', label: `Run ${run}` }], finalReportDueOn: '2019-01-31' } });
    const log = (client: typeof habo, promiseId: string, organisationId: string, date: string, entryId: string) => () =>
      client.ok(m('logActivity', 'LogActivityInput'), { i: { promiseId, entryId, date, kind: 'SafetyWalk', responsibleOrganisationId: organisationId, count: 1, place: 'Torget', outcome: 'Lugnt', notes: `Anteckning ${run}` } });
    return [
      [
        { topic: 'agreementChanged', id: `so-prop-${run}`, make: () => habo.ok(m('draftAgreement', 'DraftAgreementInput'), { i: { agreementId: `so-prop-${run}`, title: 'Utkast', partyIds: [HABO_IDS.police, HABO_IDS.municipality], validFrom: '2019-01-01' } }) },
        { topic: 'agreementChanged', id: VADSTENA.agreement, make: () => vadstena.ok(m('reviseAgreement', 'ReviseAgreementInput'), { i: { agreementId: VADSTENA.agreement, title: `SÖ Vadstena rev ${run}`, reason: 'Styrgruppen', revisedOn: '2018-02-01', validFrom: '2018-01-01' } }) },
      ],
      [
        { topic: 'promiseChanged', id: HABO_DRAFTS.promise, make: plan(habo, HABO_DRAFTS.promise) },
        { topic: 'promiseChanged', id: VADSTENA.promise, make: plan(vadstena, VADSTENA.promise) },
      ],
      [
        { topic: 'activityLogged', id: `prop-${run}-habo`, promiseId: HABO_IDS.promise, make: log(t.as('coordinator', HABO_IDS.police), HABO_IDS.promise, HABO_IDS.police, '2017-10-03', `prop-${run}-habo`) },
        { topic: 'activityLogged', id: `prop-${run}-vadstena`, promiseId: VADSTENA.promise, make: log(vadstena, VADSTENA.promise, VADSTENA.municipality, '2018-03-01', `prop-${run}-vadstena`) },
      ],
    ];
  }

  const idOf = (topic: Topic) => (value: any) => value[topic]?.id as string;

  let runs = 0;
  it('for every role and every generated selection', async () => {
    const selections = fc.record({
      agreementChanged: rootSelection('CollaborationAgreement', 3),
      promiseChanged: rootSelection('CitizenPromise', 3),
      activityLogged: rootSelection('ActivityLogEntry', 0),
    }) as fc.Arbitrary<Record<Topic, RootSelection>>;

    await fc.assert(
      fc.asyncProperty(selections, async (generated) => {
        const printed = Object.fromEntries(TOPICS.map((topic) => [topic, print(generated[topic], `${topic[0]}`)])) as Record<Topic, { body: string; fragments: string }>;
        const subscriptionOf = (topic: Topic) => `subscription { ${topic} { id ${printed[topic].body} } } ${printed[topic].fragments}`;
        const queryOf = (change: Change) => `${OVER_HTTP[change.topic].query(change, printed[change.topic].body)} ${printed[change.topic].fragments}`;
        const run = ++runs;
        const stages = changes(run);
        fc.pre(TOPICS.every((topic) => withinLimits(subscriptionOf(topic))) && stages.flat().every((c) => withinLimits(queryOf(c))));

        const subscribed: Record<string, Record<Topic, WsSubscription<any>>> = {};
        for (const role of Object.keys(ROLES)) {
          subscribed[role] = Object.fromEntries(TOPICS.map((topic) => [topic, sockets[role].subscribe(subscriptionOf(topic))])) as Record<Topic, WsSubscription<any>>;
        }
        await Promise.all(Object.values(sockets).map((ws) => ws.settled()));
        try {
          for (const stage of stages) {
            for (const change of stage) await change.make();
            const published = stage[stage.length - 1];
            for (const role of Object.keys(ROLES)) {
              const deliveries = subscribed[role][published.topic];
              await deliveries.next((v) => idOf(published.topic)(v) === published.id);
              expect({ role, errors: deliveries.results.flatMap((r) => r.errors ?? []) }).toEqual({ role, errors: [] });
              for (const change of stage) {
                const http = await httpAs(role, queryOf(change));
                const readable = OVER_HTTP[change.topic].pick(http.data, change);
                const codes = (http.errors ?? []).map((e) => e.extensions?.code);
                expect({ role, change: change.id, codes: readable ? codes : [] }).toEqual({ role, change: change.id, codes: [] });
                const delivered = deliveries.received.filter((v) => idOf(change.topic)(v) === change.id).map((v) => v[change.topic]);
                expect({ role, change: change.id, delivered }).toEqual({ role, change: change.id, delivered: readable ? [readable] : [] });
              }
            }
          }
        } finally {
          for (const role of Object.keys(ROLES)) for (const topic of TOPICS) subscribed[role][topic].dispose();
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
