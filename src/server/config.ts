import { resolve } from 'node:path'

/** Where and how the server runs; resolved from flags, then environment, then defaults. */
export interface ServerConfig {
  readonly host: string
  readonly port: number
  readonly dataDir: string
  /** `postgres://…` to use PostgreSQL; absent for the embedded SQLite database. */
  readonly databaseUrl?: string
  /** The PostgreSQL schema holding Lanyard's tables; `public` when absent. */
  readonly databaseSchema?: string
  /** Base64 or hex master key; absent to use (or create) the key file in the data dir. */
  readonly masterKey?: string
  readonly logLevel: string
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number
  /** Shifts this process's own clock (LANYARD_CLOCK_OFFSET_MS); for clock-skew tests only. */
  readonly clockOffsetMs: number
  /** How many server processes share the port (LANYARD_WORKERS); 1 runs the app in this process. */
  readonly workers: number
}

/** Flags the `server` command accepts; each overrides its environment variable. */
export interface ServerFlags {
  readonly host?: string
  readonly port?: string | number
  readonly dataDir?: string
  readonly workers?: string | number
}

/** Resolves the configuration: flags win over LANYARD_* variables, which win over the defaults. */
export function resolveConfig(flags: ServerFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(flags.port ?? env.LANYARD_PORT ?? 4566)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid port: ${flags.port ?? env.LANYARD_PORT}`)
  const databaseUrl = env.LANYARD_DATABASE_URL
  const databaseSchema = env.LANYARD_DATABASE_SCHEMA
  const masterKey = env.LANYARD_MASTER_KEY
  const clockOffsetMs = Number(env.LANYARD_CLOCK_OFFSET_MS ?? 0)
  if (!Number.isFinite(clockOffsetMs))
    throw new Error(`invalid LANYARD_CLOCK_OFFSET_MS: ${env.LANYARD_CLOCK_OFFSET_MS}`)
  const workers = Number(flags.workers ?? env.LANYARD_WORKERS ?? 1)
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`invalid number of workers: ${flags.workers ?? env.LANYARD_WORKERS}`)
  return {
    host: flags.host ?? env.LANYARD_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(flags.dataDir ?? env.LANYARD_DATA_DIR ?? '.lanyard'),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(databaseSchema ? { databaseSchema } : {}),
    ...(masterKey ? { masterKey } : {}),
    logLevel: env.LANYARD_LOG_LEVEL ?? 'info',
    maxBodyBytes: Number(env.LANYARD_MAX_BODY_BYTES ?? 128 * 1024 * 1024),
    clockOffsetMs,
    workers,
  }
}
