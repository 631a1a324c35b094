import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';
import { rejectMalformedGraphqlBodies } from './shared/graphql/request-shape.hook';

/** Builds the application (used by main.ts, the CLI and the end-to-end tests). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    logger: config.LOG_LEVEL === 'silent' ? false : undefined,
    abortOnError: false,
  });
  rejectMalformedGraphqlBodies(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  return app;
}
