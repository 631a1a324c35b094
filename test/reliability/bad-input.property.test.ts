import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Property: however a request is malformed, the service answers with a typed
 * GraphQL error (never a 5xx, never a crash) and appends nothing. Every
 * generated request corrupts at least one field of a valid command with a
 * value that cannot be valid for that field.
 */
const hostileText = fc.oneof(
  fc.constant('x'.repeat(100_000)),
  fc.constantFrom('\uD800', '\u202Eevil', 'a\u0000b', '🦄🦄', 'DROP TABLE events;--', '../../etc/passwd', ' ', ''),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
);
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({ a: 1 }), fc.constant([1, 'a']));
const badId = fc.oneof(hostileText, wrongType, fc.constantFrom('UPPER', 'has space', '-leading', 'x'.repeat(65)));
const badDate = fc.oneof(
  wrongType,
  hostileText,
  fc.constantFrom('2017-13-01', '2017-02-30', '0000-00-00', '99999-01-01', '2017-1-1', '2017-01-01T00:00:00Z', '1900-01-01', '2999-12-31'),
);
const badCount = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 100_001 }), fc.double({ noInteger: true }), fc.constant('3'), fc.constant(null), fc.constant(2 ** 53));
const unknownId = fc.uuid().map((u) => `unknown-${u.slice(0, 8)}`);

const validLog = () => ({ promiseId: HABO_IDS.promise, date: '2017-06-01', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.police, count: 1 });

type Corruption = { field: string; value: unknown } | { field: string; remove: true };
const corruption = (field: string, values: fc.Arbitrary<unknown>, required = true): fc.Arbitrary<Corruption> =>
  required ? fc.oneof(values.map((value) => ({ field, value })), fc.constant({ field, remove: true as const })) : values.map((value) => ({ field, value }));

const logActivity = fc
  .array(
    fc.oneof(
      corruption('promiseId', fc.oneof(badId, unknownId)),
      corruption('date', badDate),
      corruption('kind', fc.oneof(hostileText, wrongType, fc.constantFrom('Sightseeing', 'safetywalk'))),
      corruption('responsibleOrganisationId', fc.oneof(badId, unknownId)),
      corruption('count', badCount),
      corruption('place', fc.oneof(fc.constant('x'.repeat(301)), wrongType.filter((v) => v !== null)), false),
      corruption('commandId', fc.oneof(hostileText, wrongType.filter((v) => v !== null), fc.constant('not-a-uuid')), false),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((corruptions) => ({ query: 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }', variables: { i: apply(validLog(), corruptions) } }));

const signAgreement = fc
  .array(
    fc.oneof(
      corruption('agreementId', fc.oneof(badId, unknownId)),
      corruption('partyOrganisationId', fc.oneof(badId, unknownId)),
      corruption('signatoryName', fc.oneof(wrongType, fc.constant(''), fc.constant('x'.repeat(201)))),
      corruption('signedOn', badDate.filter((d) => d !== '1900-01-01' && d !== '2999-12-31')),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((corruptions) => ({
    query: 'mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }',
    variables: { i: apply({ agreementId: HABO_IDS.agreement, partyOrganisationId: HABO_IDS.police, signatoryName: 'N', signatoryTitle: 'T', signedOn: '2016-01-01' }, corruptions) },
  }));

const garbageDocument = fc.oneof(hostileText, fc.constant('mutation { logActivity }'), fc.constant('{ promise(id: "x") { noSuchField } }'), fc.constant('{'.repeat(500)))
  .map((query) => ({ query, variables: {} }));

function apply(base: Record<string, unknown>, corruptions: Corruption[]): Record<string, unknown> {
  const input = { ...base };
  for (const c of corruptions) {
    if ('remove' in c) delete input[c.field];
    else input[c.field] = c.value;
  }
  return input;
}

describe('hostile GraphQL requests (property-based)', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    await loadHaboDemo(t.app);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  it('1,200 malformed requests: no 5xx, a typed error each, nothing appended', async () => {
    const head = await store.headPosition();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 5, arbitrary: logActivity }, { weight: 3, arbitrary: signAgreement }, { weight: 1, arbitrary: garbageDocument }), async (request) => {
        // Sent by someone allowed to send a valid version of it (Södra Vätterbygden's coordinator or signatory): what fails is the input.
        const caller = request.query.includes('signAgreement') ? 'signatory' : 'coordinator';
        const response = await t.as(caller, HABO_IDS.police).gql(request.query, request.variables);
        expect(response.status).toBeLessThan(500);
        expect(response.errors?.length).toBeGreaterThan(0);
        const code = response.errors![0].extensions?.code;
        expect(typeof code).toBe('string');
        expect(code).not.toBe('INTERNAL_SERVER_ERROR');
        codes.set(code!, (codes.get(code!) ?? 0) + 1);
      }),
      { numRuns: 1200 },
    );
    expect(await store.headPosition()).toEqual(head);
    // The generator really exercised both kinds of refusal.
    expect(codes.get('BAD_USER_INPUT')).toBeGreaterThan(100);
    expect([...codes.keys()].some((c) => c.endsWith('NOT_FOUND') || c === 'NOT_A_PARTY')).toBe(true);
  }, 120_000);

  it.each([
    ['invalid JSON', '{"query": ', 'application/json'],
    ['a JSON array of junk', '[1, 2, 3]', 'application/json'],
    ['a non-string query', '{"query": 42}', 'application/json'],
    ['no body at all', '', 'application/json'],
  ])('%s gets a 4xx, not a crash', async (_case, body, contentType) => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType }, body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
