import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { CloseCode, Context, Disposable } from 'graphql-ws';
import { Extra, useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AppConfig } from '../../../config/app-config';
import { unauthenticated } from '../../../auth/auth-errors';
import { signInSocket, SocketCaller } from '../../../auth/socket-sign-in';
import { TokenVerifier } from '../../../auth/token-verifier';
import { correlationIdOf } from '../../../observability/correlation-id';
import { createErrorFormatter } from '../../../shared/graphql/error-formatter';
import { graphqlHardening } from '../../../shared/graphql/hardening/graphql-hardening';
import { prepareSubscription, SubscriptionContext } from './subscription-operation';
import { closeWhenTokenExpires, TOKEN_EXPIRED } from './token-expiry';

const PATH = '/graphql';
const SHUTDOWN_GRACE_MS = 1000;

/** Subscriptions one socket may hold at once; one more is refused with TOO_MANY_SUBSCRIPTIONS. */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 25;

/** What a connection carries besides graphql-ws' own state. */
type Connection = Context<Record<string, unknown>, Extra & { caller?: SocketCaller; stopExpiry?: () => void }>;

/**
 * GraphQL subscriptions over WebSocket at /graphql, speaking the graphql-ws
 * protocol (graphql-transport-ws) through its reference server, so clients
 * get its close codes: 4403 Forbidden when the token is bad or runs out (the
 * official client reconnects then, asking for a fresh token through its
 * `connectionParams`), 4401 for a subscribe before connection_init, 4400,
 * 4408, 4409, 4429 as the protocol defines. Each subscription is checked and
 * run as an HTTP operation is (see subscription-operation.ts). Only
 * subscriptions run here; queries and mutations go over HTTP.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly hardening: ReturnType<typeof graphqlHardening>;
  private readonly format: ReturnType<typeof createErrorFormatter>;
  private readonly prepared = new WeakMap<ExecutionArgs, AsyncIterableIterator<ExecutionResult>>();
  private sockets?: WebSocketServer;
  private server?: Disposable;
  private upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly verifier: TokenVerifier,
  ) {
    this.hardening = graphqlHardening(config);
    this.format = createErrorFormatter({ maskInternals: config.NODE_ENV === 'production' });
  }

  onApplicationBootstrap(): void {
    const app = this.http.httpAdapter.getInstance<{ graphql: { schema: GraphQLSchema } }>();
    const httpServer = this.http.httpAdapter.getHttpServer() as Server;
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: this.config.HTTP_BODY_LIMIT_BYTES });
    this.upgrade = (request, socket, head) => {
      if (new URL(request.url ?? '/', 'http://host').pathname !== PATH) return void socket.destroy();
      this.sockets!.handleUpgrade(request, socket, head, (ws) => this.sockets!.emit('connection', ws, request));
    };
    httpServer.on('upgrade', this.upgrade);
    const environment = () => ({ schema: app.graphql.schema, checkOperation: this.hardening.checkOperation, app });
    this.server = useServer<Record<string, unknown>, { caller?: SocketCaller; stopExpiry?: () => void }>({
      isProd: this.config.NODE_ENV === 'production',
      onConnect: (ctx) => this.signIn(ctx),
      onClose: (ctx) => ctx.extra.stopExpiry?.(),
      onSubscribe: async (ctx, _id, payload) => {
        const refusal = this.mayStart(ctx);
        if (refusal) return [refusal];
        const context: SubscriptionContext = { app, correlationId: correlationIdOf(ctx.extra.request), ...ctx.extra.caller!.identity };
        const prepared = await prepareSubscription(environment(), context, payload);
        if (!('results' in prepared)) return prepared;
        this.prepared.set(prepared.args, prepared.results);
        return prepared.args;
      },
      subscribe: (args) => this.prepared.get(args)!,
      onNext: (_ctx, _id, _payload, args, result) => (result.errors ? this.formatted(result, args.contextValue) : undefined),
      onError: (ctx, _id, _payload, errors) => this.formatted({ errors }, { app, correlationId: correlationIdOf(ctx.extra.request) }).errors,
    }, this.sockets);
  }

  /** Before the HTTP server closes (it would wait for upgraded sockets): 1001 Going away, then, after a grace, cut. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.upgrade) (this.http.httpAdapter.getHttpServer() as Server).off('upgrade', this.upgrade);
    let grace: NodeJS.Timeout | undefined;
    const cut = new Promise<void>((resolve) => (grace = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
    await Promise.race([this.server?.dispose(), cut]);
    clearTimeout(grace);
    for (const socket of this.sockets?.clients ?? []) socket.terminate();
  }

  /** connection_init: sign in, or close with 4403 and why; a signed-in socket closes itself when the token runs out. */
  private async signIn(ctx: Connection): Promise<boolean> {
    const { socket, request } = ctx.extra;
    const caller = await signInSocket(this.verifier, ctx.connectionParams, request);
    if ('refusal' in caller) {
      socket.close(CloseCode.Forbidden, closeReason(caller.refusal)); // graphql-ws' own close after `false` adds nothing
      return false;
    }
    ctx.extra.caller = caller;
    ctx.extra.stopExpiry = closeWhenTokenExpires(socket, caller.acceptedUntil);
    return true;
  }

  /** Checks that come before a subscribe message is looked at: the token still valid, room for one more. */
  private mayStart(ctx: Connection): GraphQLError | null {
    const until = ctx.extra.caller?.acceptedUntil;
    if (until && Date.now() >= until.getTime()) {
      ctx.extra.socket.close(CloseCode.Forbidden, TOKEN_EXPIRED);
      return unauthenticated(TOKEN_EXPIRED);
    }
    if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return new GraphQLError(`A socket may hold at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions`, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: MAX_SUBSCRIPTIONS_PER_SOCKET } });
    }
    return null;
  }

  /** Errors as HTTP answers them: typed codes, and internals masked in production. */
  private formatted(result: ExecutionResult, context: unknown) {
    const { response } = this.format({ data: result.data ?? null, errors: [...(result.errors ?? [])] } as never, context as never);
    return response as { data: Record<string, unknown> | null; errors: { message: string }[] };
  }
}

/** A close frame's reason is at most 123 bytes. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}
