import { randomBytes } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { join } from 'node:path'
import { type Clock, systemClock } from './kernel/clock.js'
import { LruPolicyCache } from './policy/index.js'
import {
  AuditWriter,
  cloudTrailEvent,
  type Exchange,
  listen,
  loadMasterKey,
  type PipelineEnv,
  requestListener,
  type ServerConfig,
  writeCredentialsFile,
} from './server/index.js'
import {
  createAccount,
  IAM_SERVICE,
  longTermKeyResolver,
  PolicyLoader,
  type ShippedManagedPolicy,
  seedManagedPolicies,
} from './services/iam/index.js'
import type { ServiceDefinition, ServiceDeps } from './services/index.js'
import { STS_SERVICE } from './services/sts/index.js'
import { SigningKeyCache } from './sigv4/index.js'
import { openStore, type Store } from './store/index.js'

/** The default account every new installation gets. */
export const DEFAULT_ACCOUNT = { id: '000000000000', name: 'default' } as const

/** A started Lanyard. */
export interface RunningApp {
  readonly url: string
  readonly store: Store
  /** Set when this start created the default account and wrote its credentials file. */
  readonly credentialsFile: string
  readonly createdDefaultAccount: boolean
  stop(): Promise<void>
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

/** Opens the store, seeds it on first start, and starts the HTTP server. */
export async function startApp(config: ServerConfig, clock: Clock = systemClock): Promise<RunningApp> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 })
  const masterKey = await loadMasterKey(config.dataDir, config.masterKey)
  const store = await openStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl, masterKey }
      : { kind: 'sqlite', file: join(config.dataDir, 'lanyard.db'), masterKey },
  )
  const deps: ServiceDeps = { store, clock, random: (size) => randomBytes(size) }
  await seedManagedPolicies(store, await shippedManagedPolicies(), deps)
  const admin = await createAccount(store, DEFAULT_ACCOUNT, deps)
  const credentialsFile = admin
    ? await writeCredentialsFile(config.dataDir, admin)
    : join(config.dataDir, 'credentials')

  const loader = new PolicyLoader(new LruPolicyCache(10_000))
  const env: PipelineEnv = {
    deps,
    services: serviceMap([IAM_SERVICE, STS_SERVICE]),
    credentials: longTermKeyResolver(store, loader),
    signingKeys: new SigningKeyCache(),
  }
  const audit = new AuditWriter(store, (error) =>
    process.emitWarning(`audit trail write failed: ${String(error)}`),
  )
  const onComplete = (exchange: Exchange) => {
    const event = cloudTrailEvent(exchange)
    if (event !== undefined) audit.record(event)
  }
  const { server, url } = await listen(
    requestListener({ env, clock, maxBodyBytes: config.maxBodyBytes, onComplete }),
    config.host,
    config.port,
  )
  return {
    url,
    store,
    credentialsFile,
    createdDefaultAccount: admin !== undefined,
    stop: () => stopServer(server, audit, store),
  }
}

async function stopServer(server: Server, audit: AuditWriter, store: Store): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeIdleConnections()
  })
  await audit.close()
  await store.close()
}
