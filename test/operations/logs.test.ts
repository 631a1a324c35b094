/**
 * The service as an operator runs it (a child process in production mode):
 * one JSON line per request, with what an operator needs and nothing a
 * token or a person's name could leak through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { eventually, logLines, LogLine, post, production } from './support/production';

const admin = { userId: 'ops-admin', displayName: 'Anna Andersson', organisationId: null, roles: ['admin' as const] };
const member = { userId: 'ops-member', displayName: 'Bertil Berg', organisationId: 'habo-kommun', roles: ['member' as const] };
const register = (id: string) => ({
  query: 'mutation Register($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }',
  variables: { i: { organisationId: id, name: `Kommun ${id}`, municipalityCode: '0643' } },
});

describe('request logs in production', () => {
  let service: ServiceProcess;
  let dataDir: string;
  let tokens: { admin: string; member: string };
  const linesFor = (correlationId: string) => logLines(service.output()).filter((line) => line.correlationId === correlationId);
  const lineFor = (correlationId: string) => eventually(() => linesFor(correlationId)[0]);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-logs-'));
    const { env, token } = production({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', RATE_LIMIT_MUTATIONS: '3' });
    tokens = { admin: await token(admin), member: await token(member) };
    service = await startServiceProcess(env, { captureOutput: true });
  }, 60_000);

  afterAll(async () => {
    await service?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes one JSON line per query with correlation id, operation, type, outcome, duration and user id', async () => {
    const response = await post(service.url, { query: 'query Orgs { organisations { edges { node { id } } } }' }, {
      authorization: `Bearer ${tokens.admin}`,
      'x-correlation-id': 'ops-query-1',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('ops-query-1');
    const line = await lineFor('ops-query-1');
    expect(line).toMatchObject({ level: 'info', operation: 'Orgs', operationType: 'query', outcome: 'OK', userId: 'ops-admin', req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(linesFor('ops-query-1').filter((l) => l.res)).toHaveLength(1);
  });

  it('logs mutations, refusals and validation errors with their codes', async () => {
    await post(service.url, register('ops-kommun-1'), { authorization: `Bearer ${tokens.admin}`, 'x-correlation-id': 'ops-mutation' });
    await post(service.url, register('ops-kommun-2'), { authorization: `Bearer ${tokens.member}`, 'x-correlation-id': 'ops-refused' });
    await post(service.url, { query: '{ noSuchField }' }, { 'x-correlation-id': 'ops-invalid' });
    await post(service.url, { query: 'mutation { registerMunicipality(input: { name: 1 }) { id } }' }, { 'x-correlation-id': 'ops-bad-input' });
    expect(await lineFor('ops-mutation')).toMatchObject({ level: 'info', operation: 'Register', operationType: 'mutation', outcome: 'OK', userId: 'ops-admin' });
    expect(await lineFor('ops-refused')).toMatchObject({ level: 'info', operation: 'Register', operationType: 'mutation', outcome: 'FORBIDDEN', userId: 'ops-member' });
    expect(await lineFor('ops-invalid')).toMatchObject({ operationType: 'query', outcome: 'GRAPHQL_VALIDATION_FAILED', userId: null });
    expect(await lineFor('ops-bad-input')).toMatchObject({ operationType: 'mutation', outcome: 'BAD_USER_INPUT' });
  });

  it('carries the request\'s correlation id on what the code logs while serving it', async () => {
    const outsider = await production().token({ userId: 'ops-outsider', displayName: 'Cecilia Carlsson', organisationId: 'ops-elsewhere', roles: ['coordinator'] });
    const draft = 'mutation { draftAgreement(input: { agreementId: "ops-a1", title: "T", partyIds: ["ops-kommun-1"], validFrom: "2026-01-01" }) { id } }';
    const response = await post(service.url, { query: draft }, { authorization: `Bearer ${outsider}`, 'x-correlation-id': 'ops-write-refusal' });
    expect(response.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const lines = await eventually(() => (linesFor('ops-write-refusal').length === 2 ? linesFor('ops-write-refusal') : undefined));
    expect(lines.map((l) => [l.level, l.context ?? l.outcome])).toEqual([['warn', 'Authorization'], ['info', 'FORBIDDEN']]);
  });

  it('logs every rate-limited request', async () => {
    const limited = { userId: 'ops-busy', displayName: 'Busy Admin', organisationId: null, roles: ['admin' as const] };
    const token = await production().token(limited); // same secret as the service's
    const ids = Array.from({ length: 6 }, (_, i) => `ops-rate-${i}`);
    const statuses = [];
    for (const id of ids) statuses.push((await post(service.url, register(id), { authorization: `Bearer ${token}`, 'x-correlation-id': id })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const outcomes = await Promise.all(ids.map(async (id) => (await lineFor(id)).outcome));
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(3);
  });

  it('adopts a W3C traceparent trace id as the correlation id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await post(service.url, { query: '{ organisations { edges { node { id } } } }' }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(response.headers.get('x-correlation-id')).toBe(traceId);
    expect(await lineFor(traceId)).toMatchObject({ operation: 'organisations', outcome: 'OK' });
  });

  it('answers unknown routes with a plain 404, logged once at debug level without a stack', async () => {
    const ids = ['ops-404-wp-login', 'ops-404-metrics'];
    for (const [path, id] of [['/wp-login.php', ids[0]], ['/metrics', ids[1]]]) {
      const response = await fetch(service.url.replace('/graphql', path), { headers: { 'x-correlation-id': id } });
      expect(response.status).toBe(404);
    }
    const lines = await eventually(() => (ids.every((id) => linesFor(id).length > 0) ? ids.flatMap(linesFor) : undefined));
    expect(lines.map((l: LogLine) => [l.level, l.res?.statusCode])).toEqual([['debug', 404], ['debug', 404]]);
    expect(service.output()).not.toMatch(/NotFoundException|\n\s+at /);
  });

  it('never writes a token or a person\'s name', () => {
    const output = service.output();
    expect(output).not.toContain(tokens.admin);
    expect(output).not.toContain(tokens.member);
    expect(output).not.toMatch(/bearer|eyJ/i); // no Authorization header, no JWT at all
    for (const name of ['Anna Andersson', 'Bertil Berg', 'Cecilia Carlsson']) expect(output).not.toContain(name);
  });
});

describe('LOG_LEVEL', () => {
  it('error silences the info lines', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-logs-'));
    const { env } = production({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    const service = await startServiceProcess(env, { captureOutput: true });
    try {
      const response = await post(service.url, { query: '{ organisations { edges { node { id } } } }' });
      expect(response.status).toBe(200);
      await post(service.url, { query: '{ noSuchField }' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(service.output()).toBe('');
    } finally {
      await service.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
