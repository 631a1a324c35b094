import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * GraphQL bodies are JSON, and JSON is UTF-8 (RFC 8259). A body declared in
 * another charset would be read as UTF-8 all the same, turning "Västra Götaland"
 * sent as Latin-1 into replacement characters, stored for good: refuse it.
 */
describe('the charset a request declares', () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  const register = (id: string) => JSON.stringify({ query: `mutation { registerMunicipality(input: { organisationId: "${id}", name: "Västra Göinge", municipalityCode: "1256" }) { id name } }` });
  const post = async (contentType: string, body: string | Buffer) =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${await t.token('admin')}` }, body });

  it.each(['latin1', 'ISO-8859-1', 'windows-1252', 'utf-16'])('charset=%s → 415 UNSUPPORTED_MEDIA_TYPE naming it, nothing stored', async (charset) => {
    const before = await store.headPosition();
    const response = await post(`application/json; charset=${charset}`, Buffer.from(register(`kommun-${charset}`), 'latin1'));
    expect(response.status).toBe(415);
    const body = (await response.json()) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeNull();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
    expect(body.errors[0].message).toContain(charset);
    expect(await store.headPosition()).toEqual(before);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'application/json; charset=utf8'])(
    '%s is UTF-8 and accepted',
    async (contentType) => {
      const id = `kommun-${Buffer.from(contentType).toString('hex').slice(-12)}`;
      const response = await post(contentType, register(id));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { registerMunicipality: { name: string } } }).data.registerMunicipality.name).toBe('Västra Göinge');
    },
  );
});
