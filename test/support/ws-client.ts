import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApp } from './test-app';

/** How a caller signs in on the socket: the token in connection_init's payload (browsers) or the upgrade's header. */
export type WsSignIn = { token?: string | null; via?: 'payload' | 'header' };

export interface WsConnection {
  client: Client;
  /** Resolves with the close code and reason when the server (or we) close the socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged connection_init; rejects if the socket closed first. */
  connected: Promise<void>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): WsSubscription<T>;
  /**
   * Resolves once the server has taken in every subscribe sent before: graphql-ws has no acknowledgement
   * of a subscribe, so this sends a ping on the same socket and waits for its pong. The server registers a
   * subscription without waiting for any I/O, so by the time it answers a later ping it has done so.
   */
  settled(): Promise<void>;
  dispose(): Promise<void>;
}

type JsonError = { message: string; extensions?: { code?: string; [key: string]: unknown } };

export interface WsSubscription<T> {
  /** Every `next` payload, in order. */
  results: { data?: T | null; errors?: JsonError[] }[];
  /** `data` of the `next` payloads that had data. */
  received: T[];
  /** Set when the server answered with a graphql-ws `error` message (the operation was refused). */
  refusal: Promise<JsonError[]>;
  /** Resolves when the operation ended: `error`, `complete`, or the socket closed. */
  ended: Promise<void>;
  next(test: (value: T) => boolean, timeoutMs?: number): Promise<T>;
  dispose(): void;
}

/** The official graphql-ws client over a real socket, without retries, so a test sees every close. */
export function connectWs(t: TestApp, { token = null, via = 'payload' }: WsSignIn = {}): WsConnection {
  const headers = token && via === 'header' ? { authorization: `Bearer ${token}` } : {};
  let socket: WebSocket | undefined;
  class SocketWithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the socket graphql-ws creates, kept for settled()
      socket = this;
    }
  }
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: SocketWithHeaders,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token && via === 'payload' ? { authorization: `Bearer ${token}` } : undefined,
    onNonLazyError: () => undefined, // a refused connection is reported through `closed`
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason?: unknown };
        onClosed({ code, reason: String(reason ?? '') });
      },
    },
  });
  const connected = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    void closed.then((event) => reject(new Error(`closed before connecting: ${event.code} ${event.reason}`)));
  });
  connected.catch(() => undefined);
  return {
    client,
    closed,
    connected,
    subscribe: (query, variables = {}) => collect(client, closed, query, variables),
    settled: async () => {
      await connected;
      await new Promise((resolve) => setImmediate(resolve)); // the client sends a subscribe a few microtasks after the call
      const barrier = `settled-${++barriers}`;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the server did not answer a ping within 5 s')), 5000);
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as { type?: string; payload?: { barrier?: string } };
          // The pong echoes the ping's payload (graphql-ws does; the protocol lets a server leave it out).
          if (message.type !== 'pong' || (message.payload && message.payload.barrier !== barrier)) return;
          clearTimeout(timer);
          socket!.off('message', onMessage);
          resolve();
        };
        socket!.on('message', onMessage);
        socket!.send(JSON.stringify({ type: 'ping', payload: { barrier } }));
      });
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

let barriers = 0;

function collect<T>(client: Client, closed: Promise<unknown>, query: string, variables: Record<string, unknown>): WsSubscription<T> {
  const results: WsSubscription<T>['results'] = [];
  const received: T[] = [];
  const waiters: { test: (value: T) => boolean; resolve: (value: T) => void }[] = [];
  let refused!: (errors: JsonError[]) => void;
  let refusalErrors: JsonError[] | null = null;
  const refusal = new Promise<JsonError[]>((resolve) => (refused = resolve));
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  void closed.then(() => end());
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (result) => {
      results.push(result as WsSubscription<T>['results'][number]);
      const data = result.data as T | null | undefined;
      if (!data) return;
      received.push(data);
      for (const waiter of waiters.filter((w) => w.test(data))) waiter.resolve(data);
    },
    error: (error) => {
      if (Array.isArray(error)) refused((refusalErrors = error as JsonError[]));
      end();
    },
    complete: () => end(),
  });
  return {
    results,
    received,
    refusal,
    ended,
    dispose,
    next: (test, timeoutMs = 5000) =>
      new Promise<T>((resolve, reject) => {
        const found = received.find(test);
        if (found) return resolve(found);
        const fail = (why: string) => () => reject(new Error(`${why}; got ${JSON.stringify(results)}, refused with ${JSON.stringify(refusalErrors)}`));
        const timer = setTimeout(fail(`no matching update in ${timeoutMs} ms`), timeoutMs);
        void ended.then(() => setImmediate(() => received.find(test) ?? (clearTimeout(timer), fail('the subscription ended')())));
        waiters.push({ test, resolve: (value) => { clearTimeout(timer); resolve(value); } });
      }),
  };
}

/** For checks that something does NOT arrive: time enough for a committed change to reach a subscriber. */
export const aWhile = () => new Promise((resolve) => setTimeout(resolve, 300));
