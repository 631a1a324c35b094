import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthSettings } from './auth-settings';
import { Identity, isRole } from './identity';

/** Asymmetric algorithms an OIDC provider signs with; `none` and anything unlisted is refused. */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export class InvalidTokenError extends Error {}

/** A token that passed every check, and the instant this verifier stops accepting it (`exp` plus the clock skew). */
export interface VerifiedToken {
  identity: Identity;
  acceptedUntil: Date;
}

/**
 * Verifies a Bearer JWT (signature, issuer, audience, expiry with clock skew) and
 * maps its claims to an Identity. The key follows the token's `alg`, restricted
 * to what is configured, so an HS256 token can never be checked against a public key.
 */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly settings: AuthSettings) {
    const jwks = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : null;
    const secret = settings.hs256Secret;
    this.algorithms = [...(secret ? ['HS256'] : []), ...(jwks ? ASYMMETRIC : [])];
    this.getKey = async (header, token) => {
      if (header.alg === 'HS256' && secret) return secret;
      if (jwks) return jwks(header, token);
      throw new InvalidTokenError(`tokens signed with ${header.alg} are not accepted`);
    };
  }

  async verify(token: string): Promise<Identity> {
    return (await this.verifyToken(token)).identity;
  }

  async verifyToken(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockSkewSeconds,
        algorithms: this.algorithms,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      // jose's messages name the failed check ("\"exp\" claim timestamp check failed") without echoing the token.
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    this.checkLifetime(payload);
    return { identity: this.identityOf(payload), acceptedUntil: new Date((payload.exp! + this.settings.clockSkewSeconds) * 1000) };
  }

  /** jose checks `exp` and `nbf`; the lifetime and an `iat` from the future are this service's rules. */
  private checkLifetime(payload: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    const { clockSkewSeconds: skew, maxLifetimeSeconds: max } = this.settings;
    if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat > now + skew)) {
      throw new InvalidTokenError('"iat" claim is in the future');
    }
    const lifetime = payload.exp! - (payload.iat ?? now);
    if (lifetime > max + skew) throw new InvalidTokenError(`token lifetime of ${lifetime} s is longer than the ${max} s allowed`);
  }

  private identityOf(payload: JWTPayload): Identity {
    const { claims } = this.settings;
    const userId = payload.sub!;
    const name = claim(payload, claims.name);
    const organisation = claim(payload, claims.organisation);
    const roles = claim(payload, claims.roles);
    const roleList = Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(/[\s,]+/) : [];
    return {
      userId,
      displayName: typeof name === 'string' && name.trim() ? name : userId,
      organisationId: typeof organisation === 'string' && organisation ? organisation : null,
      roles: [...new Set(roleList.filter(isRole))],
    };
  }
}

/** Reads a claim by a dotted path, e.g. `realm_access.roles`. */
function claim(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}
