import { SignJWT } from 'jose';
import { AuthSettings } from './auth-settings';
import { Identity } from './identity';

/**
 * Issues HS256 tokens with the configured (or built-in development) secret: for
 * `samverkan token`, the demo and tests. Real deployments get tokens from their
 * OIDC provider instead.
 */
export class DevTokenIssuer {
  constructor(private readonly settings: AuthSettings) {}

  get available(): boolean {
    return this.settings.hs256Secret !== null;
  }

  async issue(identity: Identity, options: { expiresIn?: string } = {}): Promise<string> {
    const secret = this.settings.hs256Secret;
    if (!secret) throw new Error('No HS256 secret is configured (AUTH_HS256_SECRET), so no development tokens can be issued');
    const { claims } = this.settings;
    const payload: Record<string, unknown> = {};
    setClaim(payload, claims.name, identity.displayName);
    setClaim(payload, claims.roles, identity.roles);
    if (identity.organisationId) setClaim(payload, claims.organisation, identity.organisationId);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(identity.userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '12h')
      .sign(secret);
  }
}

/** Writes a claim at a dotted path, the mirror of how TokenVerifier reads it. */
function setClaim(payload: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let target = payload;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
}
