import { startTestApp, TestApp } from '../support/test-app';
import { connectWs, WsConnection } from '../support/ws-client';

/**
 * A subscription document meets the limits and checks an HTTP operation meets,
 * and is refused with the same codes, as a graphql-ws `error` message: before
 * it is registered, so no change ever runs it. Each case is sent both ways:
 * over the socket as a subscription, over HTTP as the query with the same
 * selection (`promise(id)` for `promiseChanged`).
 */
describe('limits on subscription documents', () => {
  let t: TestApp;
  let ws: WsConnection;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '15', GRAPHQL_MAX_COST: '10000' });
    ws = connectWs(t, { token: await t.token('auditor') });
    await ws.connected;
  });
  afterAll(async () => {
    await ws.dispose();
    await t.close();
  });

  const httpCodes = async (query: string, variables: Record<string, unknown> = {}) =>
    (await t.as('auditor').gql(query, variables)).errors?.map((e) => e.extensions?.code);
  const wsCodes = async (query: string, variables: Record<string, unknown> = {}) => {
    const subscription = ws.subscribe(query, variables);
    // A document that is let through just stays registered: give up waiting for a refusal after a while.
    let timer: NodeJS.Timeout | undefined;
    const accepted = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 2000)));
    const errors = await Promise.race([subscription.refusal, subscription.ended.then(() => null), accepted]);
    clearTimeout(timer);
    subscription.dispose();
    return errors?.map((e) => e.extensions?.code) ?? 'accepted';
  };
  /** The same selection, as a subscription and as a query. */
  const both = (selection: string, fragments = '', variables = '') => ({
    subscription: `subscription${variables} { promiseChanged { ${selection} } } ${fragments}`,
    query: `query${variables} { promise(id: "ml-x") { ${selection} } } ${fragments}`,
  });
  const pages = (aliases: number, size: string) =>
    Array.from({ length: aliases }, (_, i) => `p${i}: activities(first: ${size}) { edges { cursor } }`).join(' ');

  const cases: [string, ReturnType<typeof both>, string, Record<string, unknown>?][] = [
    ['200 aliases', both(Array.from({ length: 200 }, (_, i) => `a${i}: id`).join(' ')), 'TOO_MANY_ALIASES'],
    ['nested too deep', both('agreement { parties { signature { signatoryName } } }'), 'QUERY_TOO_DEEP'],
    ['too deep through fragments', both('...P', 'fragment P on CitizenPromise { agreement { ...A } } fragment A on CollaborationAgreement { parties { signature { signedOn } } }'), 'QUERY_TOO_DEEP'],
    ['aliased pages of 500 (cost)', both(pages(11, '500')), 'QUERY_TOO_COSTLY'],
    ['page sizes from variables (cost)', both(pages(11, '$n'), '', '($n: Int)'), 'QUERY_TOO_COSTLY', { n: 500 }],
    ['page sizes from a variable default (cost)', both(pages(11, '$n'), '', '($n: Int = 500)'), 'QUERY_TOO_COSTLY'],
    ['an unknown field', both('id nonsense'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a fragment cycle', both('...A', 'fragment A on CitizenPromise { id ...B } fragment B on CitizenPromise { title ...A }'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', both('activities(first: $n) { edges { cursor } }', '', '($n: String)'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a bad variable value', both('activities(first: $n) { edges { cursor } }', '', '($n: Int)'), 'BAD_USER_INPUT', { n: 'many' }],
  ];

  it.each(cases)('%s → the code HTTP gives, as an error message', async (_name, { subscription, query }, code, variables = {}) => {
    expect(await httpCodes(query, variables)).toEqual([code]);
    expect(await wsCodes(subscription, variables)).toEqual([code]);
  });

  it('a syntax error → the code HTTP gives', async () => {
    const http = await httpCodes('query { promise(id: "x") { id ');
    expect(await wsCodes('subscription { promiseChanged { id ')).toEqual(http);
    expect(http?.[0]).toBeTruthy();
  });

  it('a refused document is not registered: the socket stays open and a valid one next to it still runs', async () => {
    expect(await wsCodes(both(Array.from({ length: 200 }, (_, i) => `a${i}: id`).join(' ')).subscription)).toEqual(['TOO_MANY_ALIASES']);
    const within = ws.subscribe<{ agreementChanged: { id: string } }>('subscription { agreementChanged { id } }');
    await ws.settled();
    await t.ok('mutation { registerMunicipality(input: { organisationId: "lim-a", name: "A", municipalityCode: "0101" }) { id } }');
    await t.ok('mutation { registerLocalPoliceArea(input: { organisationId: "lim-b", name: "B", policeDistrict: "D", policeRegion: "R" }) { id } }');
    await t.as('coordinator', 'lim-a').ok('mutation { draftAgreement(input: { agreementId: "so-lim", title: "T", partyIds: ["lim-a", "lim-b"], validFrom: "2020-01-01" }) { id } }');
    expect((await within.next(() => true)).agreementChanged.id).toBe('so-lim');
    within.dispose();
  });
});
