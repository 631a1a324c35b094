import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { InfrastructureModule } from './infrastructure.module';
import { HealthController } from './health/health.controller';
import { GraphqlExceptionFilter } from './shared/graphql/graphql-exception.filter';
import { createValidationPipe } from './shared/graphql/validation.pipe';
import { errorFormatter } from './shared/graphql/error-formatter';
import { RequestInfo } from './shared/commands/command-context.factory';
import { OrganisationsModule } from './organisations/organisations.module';
import { AgreementsModule } from './agreements/agreements.module';
import { PromisesModule } from './promises/promises.module';

const CORRELATION_HEADER = 'x-correlation-id';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        InfrastructureModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: config.NODE_ENV !== 'production',
          path: '/graphql',
          errorFormatter,
          context: (request: FastifyRequest): RequestInfo => ({
            correlationId: correlationIdOf(request),
          }),
        }),
        OrganisationsModule,
        AgreementsModule,
        PromisesModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}

/** Honour a caller's correlation id (one that looks sane) so a trace spans systems; else start one. */
function correlationIdOf(request: FastifyRequest): string {
  const header = request.headers[CORRELATION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}
