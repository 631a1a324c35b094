import { AppConfig, DEV_HS256_SECRET } from '../config/app-config';

/** The verification settings, resolved once from the configuration. */
export interface AuthSettings {
  jwksUrl: string | null;
  /** Null when only the OIDC provider's keys are trusted. */
  hs256Secret: Uint8Array | null;
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  maxLifetimeSeconds: number;
  claims: { name: string; organisation: string; roles: string };
}

export function authSettings(config: AppConfig): AuthSettings {
  // The built-in secret only outside production, and only when no real trust anchor is configured.
  const secret = config.AUTH_HS256_SECRET ?? (config.NODE_ENV !== 'production' && !config.AUTH_JWKS_URL ? DEV_HS256_SECRET : null);
  return {
    jwksUrl: config.AUTH_JWKS_URL ?? null,
    hs256Secret: secret ? new TextEncoder().encode(secret) : null,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    clockSkewSeconds: config.AUTH_CLOCK_SKEW_SECONDS,
    maxLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    claims: { name: config.AUTH_NAME_CLAIM, organisation: config.AUTH_ORGANISATION_CLAIM, roles: config.AUTH_ROLES_CLAIM },
  };
}
