import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage, IsBoolean, IsIn, Matches, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, NotEquals, ValidateBy, ValidateIf, validateSync,
} from 'class-validator';

/** Signs and verifies development tokens when no secret is configured (never accepted in production). */
export const DEV_HS256_SECRET = 'samverkan-development-secret-do-not-use-in-production';

/**
 * Every setting the service reads from the environment, with its default.
 * Validated once at start: a bad value stops the service with a message that
 * names the variable (see ConfigError).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  /** Where the embedded event store and the SQLite read models live. */
  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @IsIn(['embedded', 'esdb'])
  EVENT_STORE: 'embedded' | 'esdb' = 'embedded';

  @ValidateIf((c: AppConfig) => c.EVENT_STORE === 'esdb')
  @IsString()
  @MinLength(1, { message: 'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=esdb' })
  EVENTSTORE_CONNECTION_STRING?: string;

  /** postgres://… puts every read model and checkpoint in PostgreSQL (several instances, one projection leader). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'READ_MODEL_URL must be a postgres:// URL' })
  READ_MODEL_URL?: string;

  /**
   * READ_MODEL_URL only: the projection leader holds a lease row in PostgreSQL for this long (database
   * time) and renews it every PROJECTION_HEARTBEAT_MS. A leader that cannot renew in time (hung, paused,
   * cut off) stops projecting; another instance takes over once the lease has run out, with a new
   * fencing token, so the old leader can no longer write even if it wakes up.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(500) @Max(600_000)
  PROJECTION_LEASE_MS = 5000;

  /** How often the leader renews its lease, and how often a follower tries to take an expired one; below the lease. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(50)
  @ValidateBy({
    name: 'atMostHalfTheLease',
    validator: { validate: (value, args) => value * 2 <= (args?.object as AppConfig).PROJECTION_LEASE_MS },
  }, { message: 'PROJECTION_HEARTBEAT_MS must be at most half of PROJECTION_LEASE_MS' })
  PROJECTION_HEARTBEAT_MS = 1000;

  /** EventStoreDB only: make event ids unique across streams by claiming each (one extra write per event). */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  EVENTSTORE_STRICT_EVENT_IDS = false;

  /** Caps the embedded store's file (MiB): past it appends fail cleanly as "disk full" instead of filling the disk. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  EVENT_STORE_MAX_SIZE_MB?: number;

  /** How long a mutation waits for the read models to include its own events. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(60000)
  READ_YOUR_WRITES_TIMEOUT_MS = 5000;

  /** /health/ready fails while a projection is more than this many events behind the store. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10000)
  READY_MAX_LAG_EVENTS = 1000;

  // ── Sign-in: Bearer JWTs (see src/auth). ──

  /** An OIDC provider's JWKS endpoint: tokens signed with its asymmetric keys are accepted. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  /**
   * Shared HS256 secret (development tokens, `samverkan token`). Outside production a
   * built-in development secret is used when neither this nor AUTH_JWKS_URL is set;
   * in production one of the two is required and the built-in secret is refused.
   */
  @ValidateIf((c: AppConfig) => c.AUTH_HS256_SECRET !== undefined || (c.NODE_ENV === 'production' && !c.AUTH_JWKS_URL))
  @IsString({ message: 'AUTH_HS256_SECRET or AUTH_JWKS_URL is required in production' })
  @MinLength(32, { message: 'AUTH_HS256_SECRET must be at least 32 characters' })
  @NotEquals(DEV_HS256_SECRET, { message: 'AUTH_HS256_SECRET must not be the built-in development secret' })
  AUTH_HS256_SECRET?: string;

  @IsString() @MinLength(1) AUTH_ISSUER = 'samverkan-dev';
  @IsString() @MinLength(1) AUTH_AUDIENCE = 'samverkan';

  /** Tolerated clock difference for `exp`/`nbf`/`iat`, in seconds. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(600)
  AUTH_CLOCK_SKEW_SECONDS = 30;

  /**
   * The longest lifetime (`exp` − `iat`, or `exp` − now without `iat`) a token may have. A stolen
   * long-lived token is a standing key; providers issue access tokens for minutes to hours.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(60)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

  /** Where the claims live in the token; dotted paths reach nested claims (Keycloak: `realm_access.roles`). */
  @IsString() @MinLength(1) AUTH_NAME_CLAIM = 'name';
  @IsString() @MinLength(1) AUTH_ORGANISATION_CLAIM = 'org';
  @IsString() @MinLength(1) AUTH_ROLES_CLAIM = 'roles';

  // ── GraphQL hardening (see src/shared/graphql/hardening). ──

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES = 512 * 1024;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(2) @Max(100)
  GRAPHQL_MAX_DEPTH = 10;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(0) @Max(1000)
  GRAPHQL_MAX_ALIASES = 15;

  /** Estimated fields a query may return: each field counts 1, and a page multiplies what is under it by `first`. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(10)
  GRAPHQL_MAX_COST = 50_000;

  /** Operations in one batched request (a JSON array body). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1) @Max(100)
  GRAPHQL_MAX_BATCH = 10;

  /** Rate limits per user (per IP when anonymous), counted in fixed windows. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_MUTATIONS = 300;

  /** Queries the access policy marks expensive (long lists, history). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_EXPENSIVE_QUERIES = 300;

  /**
   * The measured cost (about the number of fields a query may return; pages multiply by `first`) a caller
   * may spend per window, whatever the number of requests: 20 queries at GRAPHQL_MAX_COST by default.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_COST = 1_000_000;

  /** Requests with a token that fails verification, per client address and window. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_BAD_TOKENS = 60;

  /**
   * Read-access log entries (operations that read non-public personal data) a caller may cause per window.
   * Each entry is at most MAX_ENTRY_BYTES (src/audit/read-access/read-access.recorder.ts), so this bounds
   * how fast one caller can grow the store: 120 × 8 KiB = 960 KiB per minute by default.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  RATE_LIMIT_LOGGED_READS = 120;

  /**
   * Whose word the client address is: unset or `false` — the connection's (X-Forwarded-For ignored, so it
   * cannot be spoofed); `true` — every proxy's; a number — that many proxy hops; or a comma-separated list of
   * proxy addresses/CIDRs (e.g. `10.0.0.0/8,127.0.0.1`). Per-address rate limits count the address so found.
   */
  @IsOptional()
  @Matches(/^(true|false|\d{1,2}|[0-9a-fA-F:.]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F:.]+(\/\d{1,3})?)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of hops, or a comma-separated list of proxy addresses/CIDRs',
  })
  TRUST_PROXY?: string;

  // ── Integrity proof (src/audit/integrity). ──

  /** Sign a checkpoint over the hash chain after this many new events... */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  INTEGRITY_CHECKPOINT_EVERY_EVENTS = 1000;

  /** ...or after this many minutes, if anything new was chained. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  INTEGRITY_CHECKPOINT_EVERY_MINUTES = 60;

  /**
   * Ed25519 private key that signs checkpoints: PEM, or base64 of PKCS#8 DER. Required in
   * production; elsewhere one is generated once and kept in DATA_DIR/integrity-signing-key.pem.
   */
  @ValidateIf((c: AppConfig) => c.INTEGRITY_SIGNING_KEY !== undefined || c.NODE_ENV === 'production')
  @IsString()
  @MinLength(1, { message: 'INTEGRITY_SIGNING_KEY is required in production' })
  INTEGRITY_SIGNING_KEY?: string;

  /** What a failed integrity check does: `read-only` (serve reads, refuse writes) or `stop` (refuse to start). */
  @IsIn(['read-only', 'stop'])
  INTEGRITY_ON_FAILURE: 'read-only' | 'stop' = 'read-only';

  /** How often each instance checks the store again, from its last verified checkpoint. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(1)
  INTEGRITY_SELF_CHECK_EVERY_MINUTES = 5;
  // ── Operating (src/observability): metrics, shutdown. ──

  /** Serve /metrics on this port of its own (for a network only the scraper reaches). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(0) @Max(65535)
  METRICS_PORT?: number;

  /** Interface for METRICS_PORT (default: HOST). */
  @IsOptional() @IsString() @MinLength(1)
  METRICS_HOST?: string;

  /** Serve /metrics on the service's port to `Authorization: Bearer <this>` (and require it on METRICS_PORT too). */
  @IsOptional() @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** On SIGTERM, how long readiness fails before the listener closes. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_DELAY_MS = 5000;

  /** After the delay, how long in-flight requests and shutdown hooks may take before the process exits anyway. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 30_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** JSON lines (the default outside development) or pino-pretty's readable lines (the default in development). */
  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Every variable AppConfig declares (each has a validator), including those without a default. */
const KEYS = [
  ...new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName)),
];

/** Reads the known variables from `env` (unknown ones are ignored); throws ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known: Record<string, string> = {};
  for (const key of KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') known[key] = value;
  }
  const config = plainToInstance(AppConfig, known);
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}=${JSON.stringify(known[e.property] ?? '')}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return config;
}
