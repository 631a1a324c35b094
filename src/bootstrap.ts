import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from './config/app-config';
import { AppModule } from './app.module';

/** Builds the application (used by main.ts, the CLI and the end-to-end tests). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    logger: config.LOG_LEVEL === 'silent' ? false : undefined,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
