/**
 * LogActivity mutations over HTTP against a trivial query on the same server,
 * side by side: 32 connections (autocannon), alternating rounds, medians.
 * Goal: mutations ≥ 0.35 × the trivial query's rate.
 */
import autocannon from 'autocannon';
import * as fs from 'node:fs';
import { benchDirectory } from './append.bench';
import { benchToken, startService } from './service-process';
import { median, round } from './stats';

const ROUNDS = 3;
const DURATION_S = 5;
const CONNECTIONS = 32;

const TRIVIAL = JSON.stringify({ query: '{ __typename }' });
// No commandId or entryId: every request is a new command (a retry would be de-duplicated).
const LOG_ACTIVITY = JSON.stringify({
  query: 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }',
  variables: { i: { promiseId: 'ml-habo-drogfri-miljo', date: '2017-10-02', kind: 'SafetyWalk', responsibleOrganisationId: 'lpo-sodra-vatterbygden', count: 1, place: 'Habo centrum' } },
});

async function load(url: string, body: string, token: string) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, method: 'POST', headers, body });
}

export const httpBenchGoals = { mutationToTrivial: 0.35 };

export async function runHttpBench(): Promise<Record<string, number>> {
  const dataDir = benchDirectory();
  const service = await startService(dataDir, 'demo');
  // The coordinator of the police area logs its own activities, as the authorization rules require.
  const token = await benchToken({ userId: 'bench-coordinator', organisationId: 'lpo-sodra-vatterbygden', roles: ['coordinator'] });
  try {
    const trivial: autocannon.Result[] = [];
    const mutations: autocannon.Result[] = [];
    let stored = 0;
    for (let r = 0; r < ROUNDS; r++) {
      trivial.push(await load(service.url, TRIVIAL, token));
      const before = (await service.health()).projections.eventsApplied;
      const result = await load(service.url, LOG_ACTIVITY, token);
      mutations.push(result);
      stored += (await service.health()).projections.eventsApplied - before;
    }
    const acknowledged = mutations.reduce((sum, m) => sum + m['2xx'], 0);
    if (stored < acknowledged) throw new Error(`only ${stored} of ${acknowledged} acknowledged mutations were stored`);
    const rate = (results: autocannon.Result[]) => median(results.map((x) => x.requests.average));
    return {
      trivialQueryPerSec: round(rate(trivial)),
      trivialP50Ms: median(trivial.map((x) => x.latency.p50)),
      trivialP99Ms: median(trivial.map((x) => x.latency.p99)),
      logActivityPerSec: round(rate(mutations)),
      logActivityP50Ms: median(mutations.map((x) => x.latency.p50)),
      logActivityP99Ms: median(mutations.map((x) => x.latency.p99)),
      mutationToTrivial: round(rate(mutations) / rate(trivial), 2),
    };
  } finally {
    await service.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
