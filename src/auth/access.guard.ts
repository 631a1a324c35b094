import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlContextType } from '@nestjs/graphql';
import { denied, forbidden, unauthenticated } from './auth-errors';
import { resolverOf } from './access-context';
import { hasRole } from './identity';
import { ANYONE, RESOLVER_POLICIES } from './policy/resolver-policies';
import { RateLimiter } from './rate-limiter';
import { ReadModelPartyLookup } from './party-lookup';

/** HTTP controllers outside GraphQL that anyone may call (everything else is denied). */
const PUBLIC_HTTP_CONTROLLERS = new Set(['HealthController']);

/**
 * The global guard (APP_GUARD): runs before every resolver, field resolvers
 * included, and denies unless RESOLVER_POLICIES lets this caller in. It also
 * counts mutations and expensive queries against the caller's rate limits.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Authorization');

  constructor(
    private readonly limiter: RateLimiter,
    private readonly parties: ReadModelPartyLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return PUBLIC_HTTP_CONTROLLERS.has(context.getClass().name);
    const { coordinate, rootType, isRootField, access, args } = resolverOf(context);
    if (access.authFailure) {
      // Guessing tokens costs the address, before any policy is looked at.
      if (isRootField) this.limiter.consume('bad-token', `ip:${access.clientIp}`);
      throw unauthenticated(access.authFailure);
    }
    const policy = RESOLVER_POLICIES[coordinate];
    if (!policy) {
      this.logger.error(`${coordinate} has no access policy: denied (add it to src/auth/policy/resolver-policies.ts)`);
      throw forbidden(`${coordinate} is not open to anyone yet`);
    }
    const viewer = access.viewer;
    if (policy.allow !== ANYONE && !hasRole(viewer, ...policy.allow)) {
      throw denied(viewer !== null, `${coordinate} needs the role ${policy.allow.join(' or ')}`);
    }
    if (policy.args && !(await policy.args(viewer, args, this.parties))) {
      throw denied(viewer !== null, `${coordinate}: only its parties' people and auditors may read this`);
    }
    if (isRootField) {
      const caller = viewer ? `user:${viewer.userId}` : `ip:${access.clientIp}`;
      if (rootType === 'mutation' || policy.expensive) this.limiter.consume(rootType === 'mutation' ? 'mutation' : 'expensive-query', caller);
      // The operation's measured cost (set before execution), charged once at its first root field.
      if (access.operationCost && !access.operationCostCharged) {
        access.operationCostCharged = true;
        this.limiter.consume('cost', caller, access.operationCost);
      }
    }
    return true;
  }
}
