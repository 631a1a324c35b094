import { NestFactory } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { rejectMalformedGraphqlBodies } from './shared/graphql/request-shape.hook';

/** Builds the application (used by main.ts, the CLI and the end-to-end tests). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: config.HTTP_BODY_LIMIT_BYTES }), {
    logger: config.LOG_LEVEL === 'silent' ? false : undefined,
    abortOnError: false,
  });
  // Nest's Fastify adapter brings its own copy of fastify's types; the instance is the same at run time.
  rejectMalformedGraphqlBodies(app.getHttpAdapter().getInstance() as unknown as FastifyInstance);
  app.enableShutdownHooks();
  return app;
}
