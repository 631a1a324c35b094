/**
 * docker-compose.yml cannot be started here (no Docker engine), so this reads
 * it as Compose does (YAML merge keys, the Compose Specification's schema and
 * its profile rules) and checks what running it depends on: each profile
 * starts exactly the set the README names, every instance keeps its data on a
 * named volume and has a healthcheck, and the service's healthcheck answers.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import { startTestApp } from '../support/test-app';
import { loadCompose, Service, servicesStarted } from './support/compose';

const { compose, schemaErrors } = loadCompose(join(__dirname, '..', '..', 'docker-compose.yml'));
const { services } = compose;
const clusterNodes = ['esdb-node1', 'esdb-node2', 'esdb-node3'];
const instances = ['samverkan', 'samverkan-cluster', 'samverkan-a', 'samverkan-b'];

function namedVolumeAt(service: Service, mountPoint: string): string {
  const mount = (service.volumes ?? []).map((v) => v.split(':')).find(([, target]) => target === mountPoint);
  expect(mount).toBeDefined();
  expect(compose.volumes).toHaveProperty(mount![0]); // a named volume, not a bind mount
  return mount![0];
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file by the specification\'s schema', () => {
    expect(schemaErrors).toEqual([]);
  });

  it('starts exactly what each profile promises, and nothing without one', () => {
    expect(servicesStarted(compose, ['single'])).toEqual(['eventstore', 'samverkan']);
    expect(servicesStarted(compose, ['cluster'])).toEqual([...clusterNodes, 'samverkan-cluster'].sort());
    expect(servicesStarted(compose, ['scale'])).toEqual([...clusterNodes, 'postgres', 'samverkan-a', 'samverkan-b'].sort());
    expect(servicesStarted(compose, [])).toEqual([]);
    // `docker compose up -d eventstore` (README, Event stores) starts that node alone.
    expect(servicesStarted(compose, [], ['eventstore'])).toEqual(['eventstore']);
  });

  it('keeps every instance\'s data on a named volume of its own and gives each a healthcheck', () => {
    const volumes = Object.entries(services).map(([name, service]) => {
      expect([name, service.healthcheck?.test[0]]).toEqual([name, expect.stringMatching(/^CMD(-SHELL)?$/)]);
      const mountPoint = name.startsWith('samverkan') ? '/app/data' : name === 'postgres' ? '/var/lib/postgresql/data' : '/var/lib/eventstore';
      return namedVolumeAt(service, mountPoint);
    });
    expect(new Set(volumes).size).toBe(Object.keys(services).length);
  });

  it('gives the service instances a healthcheck that answers when the service is up, and time to shut down gracefully', async () => {
    for (const name of instances) {
      expect(services[name].build).toBe('.');
      expect(services[name].stop_grace_period).toBe('30s');
    }
    const t = await startTestApp();
    try {
      const [kind, command, ...args] = services.samverkan.healthcheck!.test;
      expect([kind, command]).toEqual(['CMD', 'node']);
      const port = new URL(t.url).port;
      // Run as Docker runs it; asynchronously, since the service answering it lives in this process.
      const probe = () => new Promise<number>((resolve) => execFile(process.execPath, args, { env: { PORT: port }, timeout: 5000 }, (error) => resolve(error ? Number(error.code) : 0)));
      expect(await probe()).toBe(0);
      await t.close();
      expect(await probe()).toBe(1);
    } finally {
      await t.close().catch(() => undefined);
    }
  });

  it('runs one EventStoreDB node (24.10 LTS, insecure dev mode) on 2113 for the single instance', () => {
    expect(services.eventstore.image).toMatch(/^eventstore\/eventstore:24\.10/);
    expect(services.eventstore.environment).toMatchObject({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_RUN_PROJECTIONS: 'None', EVENTSTORE_CLUSTER_SIZE: '1' });
    expect(services.eventstore.ports).toContain('2113:2113');
    expect(services.samverkan.environment).toMatchObject({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false', PORT: '3000' });
    expect(services.samverkan.ports).toContain('3000:3000');
    expect(services.samverkan.depends_on?.eventstore).toEqual({ condition: 'service_healthy' });
  });

  it('has a three-node cluster whose nodes gossip with each other', () => {
    for (const name of clusterNodes) {
      const node = services[name];
      expect(node.image).toMatch(/^eventstore\/eventstore:24\.10/);
      expect(node.environment?.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      const seeds = node.environment!.EVENTSTORE_GOSSIP_SEED.split(',').map((seed) => seed.split(':')[0]);
      expect(seeds.sort()).toEqual(clusterNodes.filter((other) => other !== name));
    }
    const hostPorts = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('points the cluster and scale instances at the cluster through gossip, with a string the client accepts', () => {
    for (const name of ['samverkan-cluster', 'samverkan-a', 'samverkan-b']) {
      const connectionString = services[name].environment!.EVENTSTORE_CONNECTION_STRING;
      expect(connectionString).toMatch(/^esdb\+discover:\/\//);
      for (const node of clusterNodes) expect(connectionString).toContain(`${node}:2113`);
      expect(Object.keys(services[name].depends_on ?? {})).toEqual(expect.arrayContaining(clusterNodes));
      // Parsing is all connectionString() does up front; it connects on first use.
      expect(() => EventStoreDBClient.connectionString(connectionString)).not.toThrow();
    }
  });

  it('shares PostgreSQL read models between the two scale instances', () => {
    expect(services.postgres.image).toMatch(/^postgres:/);
    const [a, b] = [services['samverkan-a'], services['samverkan-b']];
    expect(a.environment).toMatchObject({ EVENT_STORE: 'esdb', READ_MODEL_URL: expect.stringMatching(/^postgres:\/\/.*@postgres:5432\//) });
    expect(b.environment).toEqual(a.environment);
    expect(Object.keys(b.depends_on!)).toEqual(expect.arrayContaining(['postgres', ...clusterNodes]));
  });

  it('gives every service instance the secrets production mode requires, refusing to start without them', () => {
    for (const name of instances) {
      expect(services[name].environment!.NODE_ENV).toBe('production');
      expect(services[name].environment!.AUTH_HS256_SECRET).toMatch(/^\$\{AUTH_HS256_SECRET:\?/);
      expect(services[name].environment!.INTEGRITY_SIGNING_KEY).toMatch(/^\$\{INTEGRITY_SIGNING_KEY:\?/);
    }
  });
});
