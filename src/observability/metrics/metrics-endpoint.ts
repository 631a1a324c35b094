import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AppConfig } from '../../config/app-config';
import { collectNodeMetrics, metricsRegistry } from './metrics';

type Answer = { status: number; contentType: string; body: string };

/**
 * Serves /metrics (Prometheus text format) where the configuration says: on a
 * port of its own (METRICS_PORT, for a network only the scraper reaches), on
 * the service's port behind a bearer token (METRICS_TOKEN), or both; with
 * neither it is not served at all and /metrics is an unknown route.
 */
@Injectable()
export class MetricsEndpoint implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private listener?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const { METRICS_PORT: port, METRICS_TOKEN: token } = this.config;
    if (port === undefined && token === undefined) return;
    collectNodeMetrics();
    if (token !== undefined) {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      fastify.get('/metrics', async (request, reply) => {
        const answer = await this.answer(request.headers);
        return reply.code(answer.status).type(answer.contentType).send(answer.body);
      });
    }
    if (port !== undefined) await this.listen(port, this.config.METRICS_HOST ?? this.config.HOST);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.listener ? this.listener.close(resolve) : resolve(undefined)));
  }

  private async listen(port: number, host: string): Promise<void> {
    this.listener = createServer((request, response) => {
      const path = (request.url ?? '').split('?')[0];
      const answering: Promise<Answer> =
        request.method === 'GET' && path === '/metrics' ? this.answer(request.headers) : Promise.resolve({ status: 404, contentType: 'text/plain', body: 'Not found\n' });
      void answering.then((answer) => response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body));
    });
    await new Promise<void>((resolve, reject) => this.listener!.once('error', reject).listen(port, host, resolve));
    this.logger.log(`Metrics on http://${host}:${port}/metrics`);
  }

  private async answer(headers: IncomingHttpHeaders): Promise<Answer> {
    const token = this.config.METRICS_TOKEN;
    if (token !== undefined && !bearerMatches(headers.authorization, token)) {
      return { status: 401, contentType: 'text/plain', body: 'A valid METRICS_TOKEN is required: Authorization: Bearer <token>\n' };
    }
    try {
      return { status: 200, contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
    } catch (error) {
      this.logger.error(`Collecting metrics failed: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 500, contentType: 'text/plain', body: 'Collecting metrics failed\n' };
    }
  }
}

/** Constant-time comparison (of digests, so lengths never leak either). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(token));
}
