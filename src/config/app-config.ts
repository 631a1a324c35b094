import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, Matches, IsInt, IsOptional, IsString, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

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

  /** Until sign-in exists, every command is recorded as done by this development actor. */
  @IsString() @MinLength(1) DEV_ACTOR_USER_ID = 'dev-user';
  @IsString() @MinLength(1) DEV_ACTOR_NAME = 'Development User';
  @IsOptional() @IsString() DEV_ACTOR_ORGANISATION_ID?: string;
  @IsString() @MinLength(1) DEV_ACTOR_ROLE = 'admin';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
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
