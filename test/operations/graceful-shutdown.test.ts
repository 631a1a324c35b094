/**
 * SIGTERM as an orchestrator sends it, to the real service in a child process:
 * readiness fails first, the listener stays open for SHUTDOWN_DELAY_MS, then
 * closes; a request already in flight still gets its answer; the process exits 0.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess } from '../support/service-process';
import { eventually, logLines, production } from './support/production';

/** A GET on a fresh connection (no keep-alive pool): what a load balancer's probe does. */
function probe(url: string, token?: string): Promise<{ status: number; body: string } | 'refused'> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? resolve('refused') : reject(error)));
    req.end();
  });
}

/** A POST whose body arrives in two parts: in flight until `finish` is called. */
function slowRequest(url: string, body: string) {
  const half = Math.floor(body.length / 2);
  const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  return { answered, finish: () => req.end(body.slice(half)) };
}

it('fails readiness at once, closes the listener after the delay, lets the in-flight request finish and exits 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-shutdown-'));
  const { env, token } = production({ DATA_DIR: dataDir, LOG_LEVEL: 'info', SHUTDOWN_DELAY_MS: '1500' });
  const service = await startServiceProcess(env, { captureOutput: true });
  const health = service.url.replace('/graphql', '/health');
  // In production the details are an admin's; the load balancer below probes anonymously and gets status codes.
  const admin = await token({ userId: 'ops', displayName: 'Ops', organisationId: null, roles: ['admin'] });
  try {
    expect(JSON.parse(((await probe(health, admin)) as { body: string }).body).shuttingDown).toBe(false);
    const inFlight = slowRequest(service.url, JSON.stringify({ query: '{ organisations { edges { node { id } } } }' }));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server has the first half

    const exited = once(service.child, 'exit');
    const signalledAt = Date.now();
    service.child.kill('SIGTERM');

    // Readiness fails first, while the listener still answers new connections.
    const draining = await eventually(async () => {
      const answer = await probe(health, admin);
      return answer !== 'refused' && JSON.parse(answer.body).shuttingDown === true ? answer : undefined;
    });
    expect(draining.status).toBe(503);
    const anonymous = await probe(`${health}/ready`);
    expect(anonymous !== 'refused' && [anonymous.status, JSON.parse(anonymous.body)]).toEqual([503, { status: 'not_ready' }]);
    const ready = await probe(`${health}/ready`, admin);
    expect(ready !== 'refused' && [ready.status, JSON.parse(ready.body).reasons.map((r: { reason: string }) => r.reason)]).toEqual([503, ['shutting_down']]);
    const live = await probe(`${health}/live`);
    expect(live !== 'refused' && live.status).toBe(200);
    expect(Date.now() - signalledAt).toBeLessThan(1500);

    // After the delay the listener is closed, but the process waits for the request in flight.
    expect(await eventually(async () => ((await probe(health)) === 'refused' ? 'refused' : undefined))).toBe('refused');
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(1400);
    expect(service.child.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { organisations: { edges: [] } } });
    const [code] = await exited;
    expect(code).toBe(0);
    const messages = logLines(service.output()).filter((line) => line.context === 'Shutdown').map((line) => line.msg);
    expect(messages).toEqual([expect.stringMatching(/^SIGTERM: shutting down/), expect.stringMatching(/^Stopped/)]);
  } finally {
    await service.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
