/**
 * graphql-ws publishes its `ws` adapter under a package `exports` path, which
 * Node resolves but this project's TypeScript module resolution (node10, for
 * CommonJS) does not: the declaration, as graphql-ws/dist/use/ws.d.cts has it.
 */
declare module 'graphql-ws/use/ws' {
  import type { IncomingMessage } from 'node:http';
  import type { Disposable, ServerOptions } from 'graphql-ws';
  import type WebSocket from 'ws';
  import type { WebSocketServer } from 'ws';

  export interface Extra {
    readonly socket: WebSocket;
    readonly request: IncomingMessage;
  }

  export function useServer<P extends Record<string, unknown> | null | undefined, E extends Record<PropertyKey, unknown>>(
    options: ServerOptions<P, Extra & Partial<E>> & { isProd?: boolean },
    ws: WebSocketServer,
    keepAlive?: number,
  ): Disposable;
}
