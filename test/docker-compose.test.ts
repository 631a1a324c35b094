/**
 * docker-compose.yml cannot be started here (no Docker), so this checks what
 * running it depends on: the services, how the app finds EventStoreDB, ports,
 * named volumes for data, and the three-node cluster behind the `cluster` profile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EventStoreDBClient } from '@eventstore/db-client';

interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

const root = path.join(__dirname, '..');
// Compose resolves YAML merge keys (<<), so the test must too.
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;
const clusterNodes = ['esdb-node1', 'esdb-node2', 'esdb-node3'];

function expectPersistentEventStore(service: Service): void {
  expect(service.image).toMatch(/^eventstore\/eventstore:24\.10/);
  expect(service.environment).toMatchObject({
    EVENTSTORE_INSECURE: 'true',
    EVENTSTORE_RUN_PROJECTIONS: 'None',
    EVENTSTORE_ENABLE_ATOM_PUB_OVER_HTTP: 'true',
  });
  const [volume, mountPoint] = (service.volumes ?? [])[0].split(':');
  expect(mountPoint).toBe('/var/lib/eventstore');
  expect(compose.volumes).toHaveProperty(volume); // a named volume, not a bind mount
  expect(service.healthcheck).toBeDefined();
}

describe('docker-compose.yml', () => {
  it('runs one EventStoreDB node (24.10 LTS, insecure dev mode) on 2113 with its data on a named volume', () => {
    const eventstore = services.eventstore;
    expectPersistentEventStore(eventstore);
    expect(eventstore.profiles).toBeUndefined();
    expect(eventstore.ports).toContain('2113:2113');
  });

  it('builds the service from this repository and points it at that node', () => {
    const app = services.samverkan;
    expect(app.build).toBe('.');
    expect(app.profiles).toBeUndefined();
    expect(app.environment).toMatchObject({
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      PORT: '3000',
    });
    expect(app.ports).toContain('3000:3000');
    expect(app.depends_on?.eventstore).toEqual({ condition: 'service_healthy' });
    expect(compose.volumes).toHaveProperty(app.volumes![0].split(':')[0]);
  });

  it('has a "cluster" profile with three nodes that gossip with each other, each with its own volume', () => {
    const volumes = new Set<string>();
    for (const name of clusterNodes) {
      const node = services[name];
      expect(node.profiles).toEqual(expect.arrayContaining(['cluster', 'scale']));
      expectPersistentEventStore(node);
      expect(node.environment?.EVENTSTORE_CLUSTER_SIZE).toBe('3');
      const seeds = node.environment!.EVENTSTORE_GOSSIP_SEED.split(',').map((seed) => seed.split(':')[0]);
      expect(seeds.sort()).toEqual(clusterNodes.filter((other) => other !== name));
      volumes.add(node.volumes![0].split(':')[0]);
    }
    expect(volumes.size).toBe(3);
    const hostPorts = [...clusterNodes.map((n) => services[n].ports![0].split(':')[0]), '2113', '3000'];
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('runs a cluster-profile service that discovers the leader through gossip, with a string the client accepts', () => {
    const app = services['samverkan-cluster'];
    expect(app.profiles).toEqual(['cluster']);
    expect(app.build).toBe('.');
    const connectionString = app.environment!.EVENTSTORE_CONNECTION_STRING;
    expect(connectionString).toMatch(/^esdb\+discover:\/\//);
    for (const node of clusterNodes) expect(connectionString).toContain(`${node}:2113`);
    expect(app.environment?.EVENT_STORE).toBe('esdb');
    expect(Object.keys(app.depends_on ?? {}).sort()).toEqual(clusterNodes);
    expect(app.ports?.[0]).not.toBe(services.samverkan.ports?.[0]);
    // Parsing is all connectionString() does up front; it connects on first use.
    expect(() => EventStoreDBClient.connectionString(connectionString)).not.toThrow();
  });

  it('has a "scale" profile: the cluster, PostgreSQL for read models and two service instances sharing them', () => {
    expect(services.postgres.profiles).toEqual(['scale']);
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(compose.volumes).toHaveProperty(services.postgres.volumes![0].split(':')[0]);
    const instances = ['samverkan-a', 'samverkan-b'].map((name) => services[name]);
    for (const instance of instances) {
      expect(instance.profiles).toEqual(['scale']);
      expect(instance.environment).toMatchObject({ EVENT_STORE: 'esdb', READ_MODEL_URL: expect.stringMatching(/^postgres:\/\/.*@postgres:5432\//) });
      expect(instance.environment!.EVENTSTORE_CONNECTION_STRING).toMatch(/^esdb\+discover:\/\//);
      expect(Object.keys(instance.depends_on!)).toEqual(expect.arrayContaining(['postgres', ...clusterNodes]));
    }
    expect(instances[0].environment).toEqual(instances[1].environment);
    expect(new Set(instances.map((i) => i.ports![0].split(':')[0])).size).toBe(2);
  });

  it('gives every service instance the secrets production mode requires, refusing to start without them', () => {
    for (const name of ['samverkan', 'samverkan-cluster', 'samverkan-a', 'samverkan-b']) {
      expect(services[name].environment!.NODE_ENV).toBe('production');
      expect(services[name].environment!.AUTH_HS256_SECRET).toMatch(/^\$\{AUTH_HS256_SECRET:\?/);
      expect(services[name].environment!.INTEGRITY_SIGNING_KEY).toMatch(/^\$\{INTEGRITY_SIGNING_KEY:\?/);
    }
  });

  it('has a Dockerfile that builds with npm ci / npm run build and starts dist/src/main.js on node 20', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-slim/m);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
  });
});
