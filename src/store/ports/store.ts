import type { ChangeFeed } from './changes.js'
import type { CloudResourceRepository } from './cloud-resources.js'
import type {
  AccessKeyRepository,
  InstanceProfileRepository,
  OidcProviderRepository,
} from './credential-repositories.js'
import type {
  AttachmentRepository,
  InlinePolicyRepository,
  ManagedPolicyRepository,
} from './policy-repositories.js'
import type {
  AccountRepository,
  GroupRepository,
  RoleRepository,
  UserRepository,
} from './principal-repositories.js'
import type { BlobStore, S3ObjectRepository, S3UploadRepository } from './s3.js'
import type { SecretVersionRepository } from './secret-versions.js'
import type { AuditRepository, SettingsRepository } from './service-repositories.js'
import type { LoginProfileRepository, MfaDeviceRepository } from './sign-in.js'

/** Every repository of the store. */
export interface Repositories {
  readonly accounts: AccountRepository
  readonly users: UserRepository
  readonly groups: GroupRepository
  readonly roles: RoleRepository
  readonly policies: ManagedPolicyRepository
  readonly inlinePolicies: InlinePolicyRepository
  readonly attachments: AttachmentRepository
  readonly accessKeys: AccessKeyRepository
  readonly loginProfiles: LoginProfileRepository
  readonly mfaDevices: MfaDeviceRepository
  readonly instanceProfiles: InstanceProfileRepository
  readonly oidcProviders: OidcProviderRepository
  readonly audit: AuditRepository
  readonly settings: SettingsRepository
  /** EC2, ELB, Route 53 and Secrets Manager resources, and the tag index. */
  readonly cloudResources: CloudResourceRepository
  /** The sealed values of Secrets Manager secret versions. */
  readonly secretVersions: SecretVersionRepository
  /** S3 object metadata (the buckets are cloud resources). */
  readonly s3Objects: S3ObjectRepository
  /** S3 multipart uploads and their parts. */
  readonly s3Uploads: S3UploadRepository
  /** Cache invalidation across processes (PostgreSQL LISTEN/NOTIFY; in-process on SQLite). */
  readonly changes: ChangeFeed
}

/** How a transaction isolates itself from concurrent ones. */
export interface TransactionOptions {
  /**
   * Run as if alone (PostgreSQL SERIALIZABLE; SQLite transactions always are), for checks such as
   * "at most two access keys" that count and then write. A serialization failure re-runs `work`
   * (up to five attempts), so `work` must have no effects outside `tx`.
   */
  readonly serializable?: boolean
}

/** The dialects the store runs on. */
export type StoreDialect = 'sqlite' | 'postgres'

/** The persistent state of Lanyard. */
export interface Store extends Repositories {
  /** Which database this store runs on. */
  readonly dialect: StoreDialect
  /** S3 object bytes: files under the data dir on SQLite, a table on PostgreSQL; outside transactions. */
  readonly blobs: BlobStore
  /**
   * Runs `work` in one transaction: all of its writes commit together or none do.
   * CAUTION: inside `work` use only `tx`; on SQLite a call through the outer store waits for the
   * transaction's connection and never returns.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>
  /** Resolves when the database answers a trivial query (health checks). */
  ping(): Promise<void>
  /**
   * The database server's clock (PostgreSQL's `clock_timestamp()`, SQLite's `now`): the one time authority
   * every process sharing the database can agree on.
   */
  databaseTime(): Promise<Date>
  /** Closes the connections. */
  close(): Promise<void>
}

/** How to open a store; `masterKey` (32 bytes) seals secrets at rest. */
export type StoreConfig =
  | {
      readonly kind: 'sqlite'
      readonly file: string
      readonly masterKey: Uint8Array
      /** `full` (default: survives power loss) or `normal` (survives a process kill only). */
      readonly synchronous?: 'full' | 'normal'
    }
  | {
      readonly kind: 'postgres'
      readonly url: string
      readonly masterKey: Uint8Array
      /** The schema holding Lanyard's tables; `public` by default. Created when missing. */
      readonly schema?: string
      /** Largest number of pooled connections; 10 by default. */
      readonly maxConnections?: number
    }
