import { startTestApp, TestApp } from '../support/test-app';

/**
 * `viewer`: who the token says the caller is, and what they may run, so a UI can show the right screens and
 * buttons without decoding the token. `partiesOnly` marks what a party's people may do only for the agreements and
 * promises their own organisation is party to (the service still decides each call; this is for the UI).
 */
const VIEWER = `{ viewer { signedIn userId displayName organisationId roles operations { coordinate kind partiesOnly } } }`;
type Operation = { coordinate: string; kind: string; partiesOnly: boolean };
const find = (operations: Operation[], coordinate: string) => operations.find((o) => o.coordinate === coordinate);

describe('viewer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('anonymous: not signed in, no roles, only public operations', async () => {
    const { viewer } = await t.anonymous.ok(VIEWER);
    expect(viewer).toMatchObject({ signedIn: false, userId: null, organisationId: null, roles: [] });
    expect(find(viewer.operations, 'Query.publicPromises')).toEqual({ coordinate: 'Query.publicPromises', kind: 'QUERY', partiesOnly: false });
    expect(find(viewer.operations, 'Mutation.logActivity')).toBeUndefined();
    expect(find(viewer.operations, 'Query.auditLog')).toBeUndefined();
  });

  it('a coordinator: identity and organisation from the token; logging activities only as a party; no admin or audit operations', async () => {
    const { viewer } = await t.as('coordinator', 'habo-kommun').ok(VIEWER);
    expect(viewer).toMatchObject({ signedIn: true, userId: 'coordinator-habo-kommun', organisationId: 'habo-kommun', roles: ['coordinator'] });
    expect(find(viewer.operations, 'Mutation.logActivity')).toEqual({ coordinate: 'Mutation.logActivity', kind: 'MUTATION', partiesOnly: true });
    expect(find(viewer.operations, 'Mutation.registerMunicipality')).toBeUndefined();
    expect(find(viewer.operations, 'Query.auditLog')).toBeUndefined();
  });

  it('an auditor reads everything and changes nothing; an admin registers organisations everywhere', async () => {
    const auditor = (await t.as('auditor').ok(VIEWER)).viewer;
    expect(find(auditor.operations, 'Query.auditLog')).toEqual({ coordinate: 'Query.auditLog', kind: 'QUERY', partiesOnly: false });
    expect(auditor.operations.filter((o: Operation) => o.kind === 'MUTATION')).toEqual([]);
    const admin = (await t.as('admin').ok(VIEWER)).viewer;
    expect(find(admin.operations, 'Mutation.registerMunicipality')).toEqual({ coordinate: 'Mutation.registerMunicipality', kind: 'MUTATION', partiesOnly: false });
  });

  it('a token that fails verification is UNAUTHENTICATED, not an anonymous viewer', async () => {
    const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' }, body: JSON.stringify({ query: VIEWER }) });
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
