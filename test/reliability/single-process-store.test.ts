import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServiceProcess, startServiceProcess } from '../support/service-process';
import { scaleOutClient } from '../support/scale-out-client';

const ROOT = join(__dirname, '..', '..');
const REGISTER = 'mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }';
const READ = '{ organisations { edges { node { id } } } }';
const ids = (data: { organisations: { edges: { node: { id: string } }[] } }) => data.organisations.edges.map((e) => e.node.id).sort();

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/main.ts or src/cli.ts in a child process to its end. */
async function run(script: 'main' | 'cli', args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, `src/${script}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { status, stdout, stderr };
}

/**
 * The embedded store is single-process: a second service on the same DATA_DIR
 * is refused at start, naming the directory, and the first goes on unharmed.
 * The lock is the kernel's, so a SIGKILLed holder leaves none behind.
 */
describe('one process per embedded store', () => {
  let dataDir: string;
  const services: ServiceProcess[] = [];
  const client = scaleOutClient();
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'samverkan-single-'))));
  afterAll(async () => {
    await Promise.all(services.map((s) => s.kill()));
    rmSync(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ DATA_DIR: dataDir });

  it('refuses a second service and the writing CLI commands, lets the reading ones run, and survives a SIGKILL of the holder', async () => {
    const first = await startServiceProcess(env());
    services.push(first);
    await client.ok(first.url, REGISTER, { i: { organisationId: 'habo-kommun', name: 'Habo kommun', municipalityCode: '0643' } });

    const [second, rebuild, replay, demo, verify, exported] = await Promise.all([
      run('main', [], { ...env(), PORT: String(await freePort()) }),
      run('cli', ['rebuild'], env()),
      run('cli', ['replay'], env()),
      run('cli', ['demo', '--data-dir', dataDir], { PORT: String(await freePort()) }),
      run('cli', ['verify'], env()),
      run('cli', ['export', '--out', join(dataDir, 'export.ndjson')], env()),
    ]);
    for (const refused of [second, rebuild, replay, demo]) {
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`The embedded store in "${dataDir}" is in use by another process`);
      expect(refused.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    }
    expect(verify).toMatchObject({ status: 0, stdout: expect.stringContaining('Intact') });
    expect(exported.status).toBe(0);
    expect(existsSync(join(dataDir, 'export.ndjson'))).toBe(true);

    // The first instance is untouched: it still reads and writes what it had.
    await client.ok(first.url, REGISTER, { i: { organisationId: 'mullsjo-kommun', name: 'Mullsjö kommun', municipalityCode: '0642' } });
    expect(ids(await client.ok(first.url, READ, {}))).toEqual(['habo-kommun', 'mullsjo-kommun']);

    // SIGKILL: no shutdown hook runs, yet the kernel drops the lock with the process.
    await first.kill();
    const next = await startServiceProcess(env());
    services.push(next);
    expect(ids(await client.ok(next.url, READ, {}))).toEqual(['habo-kommun', 'mullsjo-kommun']);
  }, 90_000);
});
