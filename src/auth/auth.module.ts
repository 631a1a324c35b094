import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { CommandAuthorizer } from '../shared/commands/command-authorizer';
import { AccessGuard } from './access.guard';
import { authSettings } from './auth-settings';
import { DevTokenIssuer } from './dev-token-issuer';
import { ReadModelPartyLookup } from './party-lookup';
import { PolicyCommandAuthorizer } from './policy-command-authorizer';
import { RateLimiter } from './rate-limiter';
import { TokenVerifier } from './token-verifier';
import { VisibilityInterceptor } from './visibility.interceptor';
import { ViewerResolver } from './viewer/viewer.resolver';

/**
 * Sign-in and authorization: the access guard and visibility filter on every
 * resolver, the command authorizer on the write path, rate limits, the token
 * verifier (for sockets; HTTP's context builds its own in app.module.ts) and the
 * development token issuer. Global, so the write path (InfrastructureModule)
 * finds its CommandAuthorizer.
 */
@Global()
@Module({
  providers: [
    { provide: DevTokenIssuer, inject: [AppConfig], useFactory: (config: AppConfig) => new DevTokenIssuer(authSettings(config)) },
    { provide: TokenVerifier, inject: [AppConfig], useFactory: (config: AppConfig) => new TokenVerifier(authSettings(config)) },
    { provide: CommandAuthorizer, useClass: PolicyCommandAuthorizer },
    RateLimiter,
    ReadModelPartyLookup,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: VisibilityInterceptor },
    ViewerResolver,
  ],
  exports: [DevTokenIssuer, TokenVerifier, CommandAuthorizer, RateLimiter],
})
export class AuthModule {}
