import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { InfrastructureModule } from './infrastructure.module';
import { HealthController } from './health/health.controller';
import { GraphqlExceptionFilter } from './shared/graphql/graphql-exception.filter';
import { createValidationPipe } from './shared/graphql/validation.pipe';
import { createErrorFormatter } from './shared/graphql/error-formatter';
import { graphqlHardening } from './shared/graphql/hardening/graphql-hardening';
import { RequestInfo } from './shared/commands/command-context.factory';
import { AuthModule } from './auth/auth.module';
import { authSettings } from './auth/auth-settings';
import { TokenVerifier } from './auth/token-verifier';
import { identifyRequest, RequestIdentity } from './auth/request-identity';
import { OrganisationsModule } from './organisations/organisations.module';
import { AgreementsModule } from './agreements/agreements.module';
import { PromisesModule } from './promises/promises.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuditModule } from './audit/audit.module';
import { notePersonalDataReads, writePersonalDataReads } from './audit/read-access/personal-data.middleware';
import { ObservabilityModule } from './observability/observability.module';
import { CORRELATION_HEADER, correlationIdOf as correlationIdOfRequest } from './observability/correlation-id';
import { factsOf } from './observability/request-facts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const verifier = new TokenVerifier(authSettings(config));
    const hardening = graphqlHardening(config);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot(config),
        CqrsModule.forRoot(),
        InfrastructureModule,
        AuthModule,
        GraphQLModule.forRoot<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          // graphiql (not in production), limits, batching, CSRF prevention, introspection off in production.
          ...hardening.options,
          errorFormatter: createErrorFormatter({ maskInternals: config.NODE_ENV === 'production' }),
          // The access guard and visibility filter must run on field resolvers too, not only on Query and Mutation.
          fieldResolverEnhancers: ['guards', 'interceptors', 'filters'],
          // Reads of personal data are logged (src/audit/read-access), whichever type exposes them.
          buildSchemaOptions: { fieldMiddleware: [notePersonalDataReads] },
          hooks: { onResolution: writePersonalDataReads, preExecution: hardening.preExecution },
          // No `subscription` here: graphql-ws' own server takes WebSocket upgrades (src/promises/live/graphql-ws).
          context: async (request: FastifyRequest, reply: FastifyReply): Promise<RequestInfo & RequestIdentity> => {
            const correlationId = correlationIdOf(request);
            void reply.header(CORRELATION_HEADER, correlationId); // so a client can quote it when reporting a problem
            const identity = await identifyRequest(verifier, request);
            factsOf(request.raw).userId = identity.viewer?.userId ?? null; // for the request's log line
            return { correlationId, ...identity };
          },
        }),
        OrganisationsModule,
        AgreementsModule,
        PromisesModule,
        AssessmentsModule,
        AuditModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}

/** The caller's correlation id or W3C trace id, else a new one; the request log line carries the same. */
function correlationIdOf(request: FastifyRequest): string {
  return correlationIdOfRequest(request.raw);
}
