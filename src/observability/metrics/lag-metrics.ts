import { Gauge } from 'prom-client';
import { EventStore, Position } from '../../event-store/event-store.port';
import { metricsRegistry } from './metrics';

/** What a follower of `$all` (a projection, the integrity chainer) has processed, by name. */
export type Progress = readonly { readonly name: string; readonly position: Position | undefined }[];
export type ProgressSource = () => Promise<Progress> | Progress;

interface Lag {
  name: string;
  events: number;
  seconds: number;
}

/** Counting stops here: beyond it the figure says "at least this far behind", which is all an alert needs. */
export const LAG_COUNT_CAP = 10_000;
/** Both gauges of a kind are collected in one scrape: read the store once for them. */
const MEMO_MS = 1000;

class LagGauges {
  private readonly sources = new Set<{ store: EventStore; progress: ProgressSource }>();
  private memo?: { at: number; lags: Promise<Lag[]> };

  constructor(metric: string, label: string, what: string) {
    const lags = () => this.current();
    new Gauge({
      name: `${metric}_events`,
      help: `Events in the store that ${what} has not processed yet (capped at ${LAG_COUNT_CAP})`,
      labelNames: [label],
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        for (const lag of await lags()) this.set({ [label]: lag.name }, lag.events);
      },
    });
    new Gauge({
      name: `${metric}_seconds`,
      help: `Age of the oldest event ${what} has not processed yet (0 when up to date)`,
      labelNames: [label],
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        for (const lag of await lags()) this.set({ [label]: lag.name }, lag.seconds);
      },
    });
  }

  /** Reports the lag of `progress` behind `store` until the returned function is called. */
  watch(store: EventStore, progress: ProgressSource): () => void {
    const source = { store, progress };
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  private current(): Promise<Lag[]> {
    if (!this.memo || Date.now() - this.memo.at > MEMO_MS) this.memo = { at: Date.now(), lags: this.measure() };
    return this.memo.lags;
  }

  private async measure(): Promise<Lag[]> {
    const lags: Lag[] = [];
    for (const { store, progress } of this.sources) {
      // A source whose store is closing or unreachable reports nothing rather than failing the scrape.
      const measured = await Promise.resolve()
        .then(progress)
        .then((entries) => Promise.all(entries.map(async ({ name, position }) => ({ name, ...(await lagBehind(store, position)) }))))
        .catch(() => []);
      lags.push(...measured);
    }
    return lags;
  }
}

async function lagBehind(store: EventStore, after: Position | undefined): Promise<{ events: number; seconds: number }> {
  const pending = await store.readAll({ after, maxCount: LAG_COUNT_CAP });
  if (pending.length === 0) return { events: 0, seconds: 0 };
  return { events: pending.length, seconds: Math.max(0, (Date.now() - pending[0].recordedAt.getTime()) / 1000) };
}

const projectionLag = new LagGauges('samverkan_projection_lag', 'projection', 'the projection');
const integrityLag = new LagGauges('samverkan_integrity_chain_lag', 'chain', 'the integrity chain');

/** Hook for the projection runner: report how far each projection is behind the store. */
export const watchProjectionLag = (store: EventStore, progress: ProgressSource) => projectionLag.watch(store, progress);
/** Hook for the integrity chainer: report how far chaining is behind the store. */
export const watchIntegrityLag = (store: EventStore, progress: ProgressSource) => integrityLag.watch(store, progress);
