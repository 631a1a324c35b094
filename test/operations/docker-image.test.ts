/**
 * The image builds from a clean clone and runs. No Docker engine runs here, so
 * the build is carried out as Docker would (support/docker-build.ts): the
 * context assembled with .dockerignore, every stage's COPY/RUN/WORKDIR done in
 * a directory of its own, then the final stage's CMD started and its
 * HEALTHCHECK run against it. Slow by nature (npm ci): one build for all checks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/service-process';
import { assembleContext, build, inStage, Stage } from './support/docker-build';
import { production } from './support/production';

const ROOT = join(__dirname, '..', '..');

describe('the Docker image', () => {
  let workspace: string;
  let context: string[];
  let stages: Stage[];
  let image: Stage;

  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'samverkan-image-'));
    const contextDir = join(workspace, 'context');
    context = assembleContext(ROOT, contextDir);
    stages = build(join(ROOT, 'Dockerfile'), contextDir, join(workspace, 'stages'));
    image = stages[stages.length - 1];
  }, 540_000);

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('is sent a context of only what it builds from: no tests, benchmarks, data or node_modules', () => {
    expect(context).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src/main.ts']));
    expect(context.filter((file) => /^(test|bench|node_modules|dist|data|\.git)\/|\.spec\.ts$/.test(file))).toEqual([]);
  });

  it('starts every stage from Node.js 22 LTS (slim), pinned by digest', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.from).toMatch(/^node:22(\.\d+){0,2}-slim@sha256:[0-9a-f]{64}$/);
  });

  it('holds the compiled service and production dependencies only, and runs as the unprivileged node user', () => {
    const app = inStage(image, image.workdir);
    expect(readdirSync(app).sort()).toEqual(['data', 'dist', 'node_modules', 'package.json']);
    expect(readdirSync(join(app, 'dist'))).toEqual(['src']);
    expect(existsSync(join(app, 'dist/src/main.js'))).toBe(true);
    expect(spawnSync('find', [join(app, 'dist'), '-name', '*.spec.js', '-o', '-name', '*.test.js']).stdout.toString()).toBe('');
    for (const devOnly of ['jest', 'typescript', '@swc/core', 'fast-check', 'pino-pretty']) expect(existsSync(join(app, 'node_modules', devOnly))).toBe(false);
    for (const needed of ['@nestjs/core', 'better-sqlite3', 'nestjs-pino', 'prom-client']) expect(existsSync(join(app, 'node_modules', needed))).toBe(true);
    expect(image.user).toBe('node');
    expect(image.skipped).toContain('COPY --chown=node:node ./data'); // the data directory is node's
    expect(image.env).toMatchObject({ NODE_ENV: 'production', DATA_DIR: '/app/data' });
  });

  it('starts with its CMD in production mode and answers its HEALTHCHECK', async () => {
    const port = await freePort();
    const dataDir = join(workspace, 'data');
    // The container's environment: the image's ENV, what compose would add, nothing of this test's.
    const env = { PATH: process.env.PATH!, ...image.env, ...production().env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const [command, ...args] = image.cmd!;
    const service = spawn(command === 'node' ? process.execPath : command, args, { cwd: inStage(image, image.workdir), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    service.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const [probe, ...probeArgs] = image.healthcheck!;
      const healthy = () => spawnSync(probe === 'node' ? process.execPath : probe, probeArgs, { env: { PORT: String(port) }, timeout: 3000 }).status === 0;
      const deadline = Date.now() + 60_000;
      while (!healthy()) {
        if (service.exitCode !== null) throw new Error(`the image's service exited with ${service.exitCode}: ${output}`);
        if (Date.now() > deadline) throw new Error(`no healthy answer within a minute: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organisations { edges { node { id } } } }' }),
      });
      expect(await response.json()).toEqual({ data: { organisations: { edges: [] } } });
    } finally {
      service.kill('SIGKILL');
    }
  }, 90_000);
});
