import type { AwsError } from '../kernel/aws-error.js'
import type { Clock } from '../kernel/clock.js'
import type { RandomBytes } from '../kernel/ids.js'
import type { ServiceModel } from '../models/index.js'
import type { ContextValue, EvaluablePolicy, PrincipalFacts } from '../policy/index.js'
import type { Store, UserRecord } from '../store/index.js'

/** The authenticated caller of a request, with everything authorization needs. */
export interface Caller {
  readonly principal: PrincipalFacts
  /** The access key id that signed the request. */
  readonly accessKeyId: string
  /** Principal-derived context keys (aws:PrincipalArn, aws:userid, aws:username, aws:PrincipalTag/…), lower-cased. */
  readonly context: ReadonlyMap<string, ContextValue>
  readonly identity: readonly EvaluablePolicy[]
  readonly boundaries: readonly EvaluablePolicy[]
  readonly session: readonly EvaluablePolicy[]
  /** The CloudTrail userIdentity of this caller. */
  readonly userIdentity: Readonly<Record<string, unknown>>
  /**
   * The IAM user signing with its long-term key, as read with the key. Cached callers are dropped on every change
   * notice, so it is as current as the policies authorization uses.
   */
  readonly user?: UserRecord
}

/** What one operation asks the policy engine to allow. */
export interface AuthorizationRequest {
  /** `service:Action`. */
  readonly action: string
  /** The resource ARN, or `*`. */
  readonly resource: string
  /** The account owning the resource; the caller's account by default. */
  readonly resourceAccount?: string
  /** Operation-specific context keys (aws:RequestTag/…, iam:PassedToService, …). */
  readonly context?: Readonly<Record<string, ContextValue>>
  /** The resource-based policy of the target, if it has one. */
  readonly resourcePolicy?: EvaluablePolicy
  /** For unsigned calls: the federated identity asking (AssumeRoleWithWebIdentity); it has no identity policies. */
  readonly principal?: PrincipalFacts
  /** AWS's AccessDenied text when this authorization fails, where it differs from the usual one. */
  readonly deniedMessage?: string
}

/** Shared dependencies an operation may use. */
export interface ServiceDeps {
  readonly store: Store
  readonly clock: Clock
  readonly random: RandomBytes
}

/** The context one operation runs in. */
export interface OperationContext extends ServiceDeps {
  readonly requestId: string
  /** The region of the request's credential scope (`us-east-1` when unsigned). */
  readonly region: string
  /** The request time; the same instant authorization saw. */
  readonly now: Date
  /** The signed-in caller; undefined for unsigned calls. */
  readonly caller: Caller | undefined
  /** The client's IP address. */
  readonly sourceIp: string
  /** The scheme and Host the client addressed (`http://127.0.0.1:4566`); undefined without a Host header. */
  readonly origin?: string
}

/** One AWS operation: what it authorizes, and what it does. */
export interface Operation {
  /** The authorizations the call needs; empty for calls AWS never denies (sts:GetCallerIdentity). */
  authorize(ctx: OperationContext, input: Record<string, unknown>): Promise<readonly AuthorizationRequest[]>
  /** Runs the call; returns the output keyed by AWS member names. */
  run(ctx: OperationContext, input: Record<string, unknown>): Promise<Record<string, unknown> | undefined>
  /** True for calls that arrive unsigned (AssumeRoleWithWebIdentity). */
  readonly unsigned?: boolean
  /** True for calls that only read (CloudTrail `readOnly`). */
  readonly readOnly?: boolean
}

/** A service: its wire model and its operations by name. */
export interface ServiceDefinition {
  /** The SigV4 signing name (`iam`, `sts`, …). */
  readonly signingName: string
  /** The CloudTrail event source, e.g. `iam.amazonaws.com`. */
  readonly eventSource: string
  readonly model: ServiceModel
  /** `aws:RequestedRegion` for a global service (IAM: `us-east-1`); the scope's region otherwise. */
  readonly requestedRegion?: string
  /**
   * True when the service's writes change what the credential caches hold (IAM: policies, keys, users, roles);
   * each of its non-read-only calls then announces a change on the store's change feed.
   */
  readonly changesCredentials?: boolean
  /** A path prefix whose unsigned requests belong to this service (the cluster service's public OIDC issuers). */
  readonly unsignedPathPrefix?: string
  readonly operations: Readonly<Record<string, Operation>>
  /** Renders a denied authorization the service's own way (EC2: UnauthorizedOperation); AccessDenied otherwise. */
  readonly denied?: (denial: Denial) => Promise<AwsError>
}

/** One authorization the policy engine denied, with the request context it decided on. */
export interface Denial {
  readonly caller: Caller | undefined
  readonly request: AuthorizationRequest
  /** True when a Deny statement matched; false for an implicit deny. */
  readonly explicit: boolean
  /** The request context the decision saw, under lower-cased key names. */
  readonly context: ReadonlyMap<string, ContextValue>
  readonly region: string
  readonly now: Date
}

/** A signing identity found from an access key id (and session token). */
export interface ResolvedCredentials {
  readonly secretAccessKey: string
  /** Builds the caller once the signature is verified (loading policies costs more than the lookup). */
  caller(): Promise<Caller>
  /** The error for an operation these credentials may never call, whatever the policies say (session kinds). */
  refuses?(signingName: string, operation: string): AwsError | undefined
}

/** Finds the secret and the caller for an access key id; answers AWS's error when there is none. */
export interface CredentialResolver {
  resolve(accessKeyId: string, securityToken: string | undefined, now: Date): Promise<ResolvedCredentials>
}
