import { randomInt } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DestinationStream, Logger } from 'pino'
import { AwsError } from './kernel/aws-error.js'
import { type Clock, offsetClock, ReferenceClock, systemClock } from './kernel/clock.js'
import { pooledRandomBytes } from './kernel/random-pool.js'
import { JwksCache } from './oidc/index.js'
import { LruPolicyCache } from './policy/index.js'
import {
  type AuditTrailWriter,
  CONSOLE_PATH,
  cloudTrailEvent,
  clusterMetricsRoute,
  consoleRoute,
  createLogger,
  credentialsFile,
  Drain,
  type Exchange,
  healthRoute,
  listen,
  loadMasterKey,
  logExchange,
  type PipelineEnv,
  requestListener,
  type ServerConfig,
  ServerMetrics,
  type SideRoute,
  ThreadedAuditWriter,
  withResourceAccountCopy,
  writeCredentialsFile,
} from './server/index.js'
import { CLOUDTRAIL_SERVICE } from './services/cloudtrail/index.js'
import { clustersService } from './services/clusters/index.js'
import { ec2Service, instanceMetadataRoute } from './services/ec2/index.js'
import { ELB_SERVICE, ELBV2_SERVICE } from './services/elb/index.js'
import {
  AccessKeyUseRecorder,
  type AdminCredentials,
  createAccount,
  IAM_SERVICE,
  longTermKeyResolver,
  PolicyLoader,
  type ShippedManagedPolicy,
  seedManagedPolicies,
} from './services/iam/index.js'
import type { ServiceDefinition, ServiceDeps } from './services/index.js'
import { ROUTE53_SERVICE } from './services/route53/index.js'
import { S3_SERVICE } from './services/s3/index.js'
import { SECRETSMANAGER_SERVICE } from './services/secretsmanager/index.js'
import {
  combinedResolver,
  consoleSignIn,
  consoleSignOut,
  encodeAuthorizationMessage,
  SealingKeyRing,
  sessionResolver,
  stsService,
} from './services/sts/index.js'
import { TAGGING_SERVICE } from './services/tagging/index.js'
import { SigningKeyCache } from './sigv4/index.js'
import { openStore, type Store, type StoreConfig } from './store/index.js'

/** How often a process measures its clock against the database server's again. */
const CLOCK_SYNC_MS = 60_000

/** The default account every new installation gets. */
export const DEFAULT_ACCOUNT = { id: '000000000000', name: 'default' } as const

/** How long a shutdown waits for in-flight requests before it closes their connections. */
const DRAIN_TIMEOUT_MS = 10_000

/** A started Lanyard. */
export interface RunningApp {
  readonly url: string
  readonly store: Store
  /** Set when this start created the default account and wrote its credentials file. */
  readonly credentialsFile: string
  readonly createdDefaultAccount: boolean
  /** Writes the buffered audit events now (the writer also does so every second). */
  flushAudit(): Promise<void>
  /** Drains in-flight requests, flushes the audit trail and closes the store; safe to call twice. */
  stop(): Promise<void>
}

/** Options of `startApp` beyond the configuration. */
export interface AppOptions {
  readonly clock?: Clock
  /** Where the JSON logs go; stderr by default. */
  readonly logDestination?: DestinationStream
  /** Set in a worker of `lanyard server --workers N`: `/metrics` then answers for all workers, through the primary. */
  readonly clusterWorker?: boolean
}

/** Every service, grouped by SigV4 signing name. */
export function serviceMap(services: readonly ServiceDefinition[]): Map<string, ServiceDefinition[]> {
  const map = new Map<string, ServiceDefinition[]>()
  for (const service of services)
    map.set(service.signingName, [...(map.get(service.signingName) ?? []), service])
  return map
}

async function shippedManagedPolicies(): Promise<ShippedManagedPolicy[]> {
  const file = new URL('../data/aws-managed-policies.json', import.meta.url)
  return (JSON.parse(await readFile(file, 'utf8')) as { policies: ShippedManagedPolicy[] }).policies
}

interface PreparedStore {
  readonly store: Store
  /** How the store was opened: a second connection (the audit writer thread) opens it alike. */
  readonly storeConfig: StoreConfig
  readonly clock: Clock
  readonly deps: ServiceDeps
  readonly credentialsFile: string
  readonly createdDefaultAccount: boolean
}

/**
 * The clock of a process: the one given (tests), or this machine's clock (shifted by LANYARD_CLOCK_OFFSET_MS)
 * following the database server's, so every process sharing the store issues and checks times alike.
 */
async function processClock(config: ServerConfig, store: Store, given: Clock | undefined): Promise<Clock> {
  if (given !== undefined) return given
  const clock = new ReferenceClock(offsetClock(systemClock, config.clockOffsetMs), () => store.databaseTime())
  await clock.sync()
  return clock
}

/** Opens the store of `config`, seeds the managed policies and creates the default account on first use. */
async function prepareStore(config: ServerConfig, given: Clock | undefined): Promise<PreparedStore> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  const masterKey = await loadMasterKey(config.dataDir, config.masterKey)
  const storeConfig: StoreConfig = config.databaseUrl
    ? {
        kind: 'postgres',
        url: config.databaseUrl,
        masterKey,
        ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
      }
    : { kind: 'sqlite', file: join(config.dataDir, 'lanyard.db'), masterKey }
  const store = await openStore(storeConfig)
  let clock: Clock
  try {
    clock = await processClock(config, store, given)
  } catch (error) {
    await store.close()
    throw error
  }
  const deps: ServiceDeps = { store, clock, random: pooledRandomBytes() }
  await seedManagedPolicies(store, await shippedManagedPolicies(), deps)
  const admin = await createAccount(store, DEFAULT_ACCOUNT, deps)
  const file = admin ? await writeCredentialsFile(config.dataDir, admin) : credentialsFile(config.dataDir)
  return {
    store,
    storeConfig,
    clock,
    deps,
    credentialsFile: file,
    createdDefaultAccount: admin !== undefined,
  }
}

/** Opens the store, seeds it on first start, and starts the HTTP server. */
export async function startApp(config: ServerConfig, options: AppOptions = {}): Promise<RunningApp> {
  const logger = createLogger(config.logLevel, options.logDestination)
  const { store, storeConfig, clock, deps, ...seeded } = await prepareStore(config, options.clock)
  const clockSync = followDatabaseClock(clock, logger)
  const loader = new PolicyLoader(new LruPolicyCache(10_000))
  const ring = new SealingKeyRing(store.settings, deps.random)
  const env: PipelineEnv = {
    deps,
    services: serviceMap([
      IAM_SERVICE,
      stsService({ ring, loader, jwks: new JwksCache() }),
      CLOUDTRAIL_SERVICE,
      S3_SERVICE,
      ELB_SERVICE,
      ELBV2_SERVICE,
      SECRETSMANAGER_SERVICE,
      ROUTE53_SERVICE,
      TAGGING_SERVICE,
      clustersService(),
      ec2Service({
        encodeAuthorizationFailure: (details, now) =>
          encodeAuthorizationMessage(ring, details, now, deps.random),
      }),
    ]),
    credentials: combinedResolver(longTermKeyResolver(store, loader), sessionResolver(store, loader, ring)),
    signingKeys: new SigningKeyCache(),
  }
  const audit = new ThreadedAuditWriter(store, storeConfig, (error) =>
    logger.error({ err: error }, 'audit trail write failed'),
  )
  const metrics = new ServerMetrics()
  const drain = new Drain()
  const keyUse = new AccessKeyUseRecorder(store, (error) =>
    logger.warn({ err: error }, 'access key last use not recorded'),
  )
  const onComplete = (exchange: Exchange, seconds: number) => {
    if (exchange.caller !== undefined && exchange.service !== undefined)
      keyUse.record(
        exchange.caller.accessKeyId,
        exchange.receivedAt,
        exchange.service.signingName,
        exchange.service.requestedRegion ?? exchange.region,
      )
    const event = cloudTrailEvent(exchange)
    if (event !== undefined) for (const record of withResourceAccountCopy(event)) audit.record(record)
    metrics.observe(exchange, seconds)
    logExchange(logger, exchange, seconds)
  }
  const routes = new Map<string, SideRoute>([
    [
      '/_lanyard/health',
      healthRoute(
        store,
        () => drain.stopping,
        () => clock.now(),
      ),
    ],
    // The instance metadata service of each instance: /_lanyard/imds/<instance-id>/latest/…
    ['/_lanyard/*', instanceMetadataRoute({ store, clock, random: deps.random, loader, ring })],
    ['/metrics', options.clusterWorker ? clusterMetricsRoute(metrics.registry) : metrics.route()],
    [
      `${CONSOLE_PATH}/*`,
      consoleRoute({
        root: fileURLToPath(new URL('../dist/console', import.meta.url)),
        signIn: (form, sourceIp) => consoleSignIn(deps, ring, form, sourceIp),
        signOut: (accessKeyId, token) => consoleSignOut(deps, ring, accessKeyId, token),
        now: () => clock.now(),
        record: (event) => audit.record(event),
      }),
    ],
  ])
  const listener = requestListener({ env, clock, maxBodyBytes: config.maxBodyBytes, routes, onComplete })
  const { server, url } = await listen(drain.wrap(listener), config.host, config.port)
  logger.info(
    { url, dataDir: config.dataDir, store: store.dialect, logLevel: config.logLevel, ...clockSync.fields },
    'listening',
  )
  let stopped: Promise<void> | undefined
  return {
    url,
    store,
    ...seeded,
    flushAudit: () => audit.flush(),
    stop: () => {
      clearInterval(clockSync.timer)
      stopped ??= stopServer(server, drain, audit, store, logger)
      return stopped
    },
  }
}

/** Re-measures a database-following clock every minute; a failed measure keeps the last offset. */
function followDatabaseClock(
  clock: Clock,
  logger: Logger,
): { readonly timer?: NodeJS.Timeout; readonly fields: { clockOffsetMs?: number } } {
  if (!(clock instanceof ReferenceClock)) return { fields: {} }
  const timer = setInterval(() => {
    clock.sync().catch((error: unknown) => logger.warn({ err: error }, 'clock not synced with the database'))
  }, CLOCK_SYNC_MS)
  timer.unref()
  return { timer, fields: { clockOffsetMs: clock.offsetMs } }
}

async function stopServer(
  server: Server,
  drain: Drain,
  audit: AuditTrailWriter,
  store: Store,
  logger: Logger,
): Promise<void> {
  logger.info({ inFlight: drain.inFlight }, 'stopping: draining in-flight requests')
  await drain.close(server, DRAIN_TIMEOUT_MS)
  await audit.close()
  await store.close()
  logger.info('stopped')
}

/** The admin of an account made by `addAccount`. */
export interface NewAccount extends AdminCredentials {
  readonly accountName: string
}

/**
 * Creates an account with its own `admin` user and access key, directly in the store of `config` (the
 * `lanyard accounts create` path: the CLI may import app.ts, never the store). Works whether or not a server
 * is running on the same data: SQLite in WAL mode and PostgreSQL both take a second writer.
 */
export async function addAccount(
  config: ServerConfig,
  account: { readonly id?: string; readonly name?: string },
  clock?: Clock,
): Promise<NewAccount> {
  if (account.id !== undefined && !/^\d{12}$/.test(account.id))
    throw new AwsError('ValidationException', 400, `Invalid account id ${account.id}: it must be 12 digits.`)
  const { store, deps } = await prepareStore(config, clock)
  try {
    const id = account.id ?? (await freeAccountId(store))
    const name = account.name ?? `account-${id}`
    const admin = await createAccount(store, { id, name }, deps)
    // AWS: Organizations' error for an account that already exists.
    if (admin === undefined)
      throw new AwsError('DuplicateAccountException', 409, `An account with ID ${id} already exists.`)
    return Object.assign({}, admin, { accountName: name })
  } finally {
    await store.close()
  }
}

/** A random 12-digit account id that no account has yet. */
async function freeAccountId(store: Store): Promise<string> {
  for (;;) {
    const id =
      String(randomInt(1, 1_000_000)).padStart(6, '0') + String(randomInt(0, 1_000_000)).padStart(6, '0')
    if ((await store.accounts.get(id)) === undefined) return id
  }
}
