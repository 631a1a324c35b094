/**
 * A protocol-level EventStoreDB double for tests: a real @grpc/grpc-js server
 * speaking the service definitions and messages that `@eventstore/db-client`
 * 6.2.1 ships (node_modules/@eventstore/db-client/generated), so the adapter is
 * exercised over real gRPC with the real client. Not product code.
 *
 * Covered (what the client calls for the adapter's operations):
 * - ServerFeatures.GetSupportedMethods: advertises Streams.Read/Append/BatchAppend
 *   and Gossip.Read. The client appends through BatchAppend (bidi) when it is
 *   advertised, else through Append (client streaming): `batchAppend: false`
 *   leaves it out so both paths can be tested. `serverFeatures: false` answers
 *   UNIMPLEMENTED, as pre-21.10 servers do.
 * - Streams.Append and Streams.BatchAppend: expected revision any / no_stream /
 *   stream_exists / exact; wrong-expected-version with the current revision or
 *   "no stream" (AppendResp.WrongExpectedVersion, and for BatchAppend a
 *   google.rpc.Status whose details pack event_store.client.WrongExpectedVersion);
 *   idempotent re-appends by event id (see esdb-test-state.ts).
 * - Streams.Read: a stream forwards/backwards from start/end/revision with a
 *   count (StreamNotFound for a missing stream); $all forwards (inclusive of
 *   the position) / backwards (before the position) with a count; $all
 *   subscriptions with confirmation, catch-up after the position (exclusive),
 *   CaughtUp, live events, stream-name or event-type filters (regex/prefixes)
 *   with periodic checkpoints. String and structured UUIDs.
 * - Gossip.Read: this node alone as leader (or `gossip` members), so
 *   `esdb+discover://` connection strings work too. The client does not call
 *   gossip for a single-node `esdb://host:port` string.
 * - Faults: `failNext()` queues a gRPC error for the next call of a method
 *   (optionally only on one stream), optionally after the write happened (a
 *   lost reply), and with metadata such as EventStoreDB's `not-leader`
 *   exception and leader endpoint. BatchAppend faults end the whole bidi call.
 * - `received` records every append as it arrived (method, stream, expected
 *   revision, events), so tests can check what went over the wire.
 * - Assumptions where the docs are silent, to re-check against a real server:
 *   an append's reply carries the last event's (commit, prepare); reading $all
 *   backwards from a position starts before it.
 * - `stop()` kills every connection (forceShutdown); `start()` again listens
 *   on the same port over the same EsdbTestState. The node's commit cache
 *   (which makes `any` re-appends idempotent) is in memory: a restart empties
 *   it, another node never had it; exact-revision re-appends stay idempotent.
 * - Strict as 24.10 where it refuses: appends over `maxAppendSize` (1 MiB by
 *   default) are refused (BatchAppend: a per-request MaximumAppendSizeExceeded
 *   status; Append: the maximum-append-size-exceeded exception);
 *   `refuseAppends(n, 'not-ready' | 'busy' | 'timeout', { afterWrite, forgetIds })`
 *   answers the next n appends with the per-request status a node gives
 *   (timeout after the write = committed but reported as timed out;
 *   `forgetIds` = the node lost its commit cache, as on a leader change).
 * - `followerOf: leader`: a follower whose own state lags (tests append to it
 *   to replicate), that forwards appends to the leader and answers reads
 *   carrying `requires-leader` with NotLeader and the leader's address.
 *
 * - `Streams.Tombstone`: the stream is refused from then on (reads: the
 *   stream-deleted exception; Append: the same; BatchAppend: a per-request
 *   StreamDeleted status), and a `$streamDeleted` record goes into `$all`.
 * - `refuseAppends(n, 'no-leader')`: the status of a node mid-election that
 *   cannot forward ("No leader info available in response").
 *
 * Not covered: Streams.Delete (soft delete, UNIMPLEMENTED), stream subscriptions,
 * link resolution ($> events), stream metadata ($$ streams are plain events
 * here), ACLs and credentials, TLS, the deadline BatchAppend options carry (a timeout
 * is injected instead),
 * fell-behind signals, gossip of a follower (one leader per connection string), persistent subscriptions, projections, operations,
 * users, and the HTTP (AtomPub) API.
 */
import * as grpc from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { EsdbTestState, NodeIdCache } from './esdb-test-state';
import { AppendRefusal } from './esdb-test-messages';
import { Fault, ReceivedAppend, StreamsMethod, streamsService } from './esdb-streams-service';

export { EsdbTestState } from './esdb-test-state';
export type { Fault, ReceivedAppend } from './esdb-streams-service';

export interface EsdbTestServerOptions {
  /** Shared with other servers (a restart, or a cluster) when given. */
  readonly state?: EsdbTestState;
  readonly port?: number;
  /** Advertise Streams.BatchAppend (the client then uses it for every append). Default true. */
  readonly batchAppend?: boolean;
  /** Answer ServerFeatures with UNIMPLEMENTED, as a server older than 21.10 does. Default true (answer). */
  readonly serverFeatures?: boolean;
  /** EventStoreDB's MaxAppendSize: bytes of data + metadata per append. Default 1 MiB, as a real node has it. */
  readonly maxAppendSize?: number;
  /**
   * Be a follower of this leader: reads are served from this server's own
   * `state` (as far as it has replicated: a test appends to it to model the
   * lag), appends are forwarded to the leader, and a read that requires the
   * leader is answered NotLeader with the leader's address.
   */
  readonly followerOf?: EsdbTestServer;
  /** What Gossip.Read returns; default: this node, alive, leader. */
  readonly gossip?: () => { port: number; state: MemberInfo.VNodeState }[];
}

const STREAMS = 'event_store.client.streams.Streams';

export class EsdbTestServer {
  readonly state: EsdbTestState;
  private server: grpc.Server | undefined;
  private boundPort: number;
  private readonly faults: Fault[] = [];
  /** In memory, per node: a restart forgets it (see esdb-test-state.ts). */
  private idCache: NodeIdCache = new Set();
  /** Every append this server processed (a lost reply included, a refused call not), in arrival order. */
  readonly received: ReceivedAppend[] = [];

  constructor(private readonly options: EsdbTestServerOptions = {}) {
    this.state = options.state ?? new EsdbTestState();
    this.boundPort = options.port ?? 0;
  }

  get port(): number {
    return this.boundPort;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.boundPort}?tls=false`;
  }

  /** Listens on 127.0.0.1: a random free port the first time, the same port after a stop(). */
  async start(): Promise<this> {
    if (this.server) return this;
    this.idCache = new Set();
    const server = new grpc.Server();
    server.addService(
      StreamsService,
      streamsService({
        state: this.state,
        writes: () => this.options.followerOf?.writeTarget() ?? { state: this.state, idCache: this.idCache },
        leader: this.options.followerOf && (() => ({ host: '127.0.0.1', port: this.options.followerOf!.port })),
        maxAppendSize: this.options.maxAppendSize ?? 1024 * 1024,
        received: this.received,
        takeFault: (m, s) => this.takeFault(m, s),
      }),
    );
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<SupportedMethods>) =>
        this.options.serverFeatures === false
          ? callback({ code: grpc.status.UNIMPLEMENTED, details: 'unimplemented' })
          : callback(null, this.supportedMethods()),
    });
    server.addService(GossipService, {
      read: (_call: unknown, callback: grpc.sendUnaryData<ClusterInfo>) => callback(null, this.clusterInfo()),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.boundPort}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.server = server;
    return this;
  }

  /** Kills the server and every open call and connection, as a crash or a network cut would. */
  async stop(): Promise<void> {
    this.server?.forceShutdown();
    this.server = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  failNext(method: StreamsMethod, fault: Omit<Fault, 'method'>): void {
    this.faults.push({ method, ...fault });
  }

  /**
   * The next `count` appends (on `stream`, if given) are refused as a 24.10
   * node refuses them, on whichever append call the client uses.
   */
  refuseAppends(count: number, refusal: AppendRefusal, options: { stream?: string; afterWrite?: boolean; forgetIds?: boolean } = {}): void {
    const method = this.options.batchAppend === false ? 'Append' : 'BatchAppend';
    for (let i = 0; i < count; i++) this.faults.push({ method, refusal, ...options });
  }

  /** Where a follower forwards appends: this node's log and commit cache. */
  writeTarget(): { state: EsdbTestState; idCache: NodeIdCache } {
    return { state: this.state, idCache: this.idCache };
  }

  /** Drops every fault and refusal still queued. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(method: StreamsMethod, stream: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === method && (f.stream === undefined || f.stream === stream));
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }

  private supportedMethods(): SupportedMethods {
    const methods = [
      [STREAMS, 'read'],
      [STREAMS, 'append'],
      ...(this.options.batchAppend === false ? [] : [[STREAMS, 'batchappend']]),
      ['event_store.client.gossip.Gossip', 'read'],
      ['event_store.client.server_features.ServerFeatures', 'getsupportedmethods'],
    ].map(([service, method]) => new SupportedMethod().setServiceName(service).setMethodName(method));
    return new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0-test');
  }

  private clusterInfo(): ClusterInfo {
    const members = this.options.gossip?.() ?? [{ port: this.boundPort, state: MemberInfo.VNodeState.LEADER }];
    return new ClusterInfo().setMembersList(
      members.map(({ port, state }, i) =>
        new MemberInfo()
          .setInstanceId(new UUID().setString(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`))
          .setTimeStamp(String(Date.now()))
          .setState(state)
          .setIsAlive(true)
          .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(port)),
      ),
    );
  }
}

export interface RunningEsdbTestServer {
  readonly connectionString: string;
  readonly server: EsdbTestServer;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** For end-to-end tests: an EventStoreDB stand-in to point EVENTSTORE_CONNECTION_STRING at. */
export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<RunningEsdbTestServer> {
  const server = await new EsdbTestServer(options).start();
  return {
    connectionString: server.connectionString,
    server,
    stop: () => server.stop(),
    restart: () => server.restart(),
  };
}
