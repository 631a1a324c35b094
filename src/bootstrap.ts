import { NestFactory } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { rejectMalformedGraphqlBodies } from './shared/graphql/request-shape.hook';
import { serveGraphqlResponseMediaType } from './shared/graphql/graphql-response-media-type.hook';
import { observeGraphqlRequests } from './observability/request-observer';
import { ServiceLogger } from './observability/logging/service-logger';
import { correlationIdOf } from './observability/correlation-id';

/** Builds the application (used by main.ts, the CLI and the end-to-end tests; those that serve install a shutdown). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // Fastify's request id is the correlation id, so every layer that names the request names it alike.
  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => correlationIdOf(request),
    trustProxy: trustProxyOf(config.TRUST_PROXY),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // Held until the JSON logger is in place, so even start-up lines are JSON.
    bufferLogs: true,
    // A start that fails (store locked, unreachable) is reported once by main.ts in words, not flushed here as a stack.
    autoFlushLogs: false,
    abortOnError: false,
  });
  app.useLogger(app.get(ServiceLogger));
  app.flushLogs();
  // Nest's Fastify adapter brings its own copy of fastify's types; the instance is the same at run time.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  rejectMalformedGraphqlBodies(fastify);
  serveGraphqlResponseMediaType(fastify);
  observeGraphqlRequests(fastify);
  return app;
}

/** TRUST_PROXY as Fastify reads it (see AppConfig.TRUST_PROXY). */
function trustProxyOf(setting: string | undefined): boolean | number | string[] {
  if (setting === undefined || setting === 'false') return false;
  if (setting === 'true') return true;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((address) => address.trim());
}
