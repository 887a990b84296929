/** A resource tag as IAM stores it: keys are unique ignoring case, the stored case is returned. */
export interface Tag {
  readonly key: string
  readonly value: string
}

/** An AWS account hosted by this Lanyard. */
export interface AccountRecord {
  /** 12 digits. */
  readonly id: string
  readonly name: string
  /** The IAM account alias, unique across the installation. */
  readonly alias?: string
  readonly createdAt: Date
}

/** An IAM user. */
export interface UserRecord {
  /** Unique id, `AIDA…`. */
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  readonly permissionsBoundaryArn?: string
  readonly tags: readonly Tag[]
  readonly createdAt: Date
  readonly passwordLastUsedAt?: Date
}

/** An IAM group; groups carry no tags. */
export interface GroupRecord {
  /** Unique id, `AGPA…`. */
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  readonly createdAt: Date
}

/** An IAM role. */
export interface RoleRecord {
  /** Unique id, `AROA…`. */
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  /** The trust policy exactly as submitted. */
  readonly trustPolicy: string
  readonly description?: string
  /** Seconds, 3600–43200. */
  readonly maxSessionDuration: number
  readonly permissionsBoundaryArn?: string
  readonly tags: readonly Tag[]
  readonly createdAt: Date
  readonly lastUsedAt?: Date
  readonly lastUsedRegion?: string
}

/** A managed policy; AWS-managed policies belong to the pseudo-account `aws`. */
export interface ManagedPolicyRecord {
  /** Unique id, `ANPA…`. */
  readonly id: string
  /** 12 digits, or `aws` for AWS-managed policies. */
  readonly accountId: string
  readonly arn: string
  readonly name: string
  readonly path: string
  readonly description?: string
  /** `v<N>` of the default version. */
  readonly defaultVersionId: string
  /** The N of the next `v<N>`; version ids are never reused. */
  readonly nextVersionNumber: number
  readonly tags: readonly Tag[]
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** One version of a managed policy. */
export interface PolicyVersionRecord {
  readonly policyId: string
  /** `v<N>`. */
  readonly versionId: string
  /** The document exactly as submitted. */
  readonly document: string
  readonly isDefault: boolean
  readonly createdAt: Date
}

/** Which kind of principal owns an inline policy or an attachment. */
export type PrincipalKind = 'user' | 'group' | 'role'

/** A reference to a user, group or role by its unique id. */
export interface PrincipalRef {
  readonly kind: PrincipalKind
  /** The principal's unique id (`AIDA…`, `AGPA…`, `AROA…`). */
  readonly id: string
}

/** An inline policy embedded in a user, group or role. */
export interface InlinePolicyRecord {
  readonly owner: PrincipalRef
  readonly name: string
  readonly document: string
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** A managed policy attached to a user, group or role. */
export interface AttachmentRecord {
  readonly principal: PrincipalRef
  readonly policyId: string
  readonly policyArn: string
  readonly policyName: string
  readonly attachedAt: Date
}

/** Whether an access key may sign requests. */
export type AccessKeyStatus = 'Active' | 'Inactive'

/** A long-term access key; `secretAccessKey` is unsealed on read and sealed at rest. */
export interface AccessKeyRecord {
  /** `AKIA…`. */
  readonly id: string
  readonly accountId: string
  /** The owning IAM user's unique id; absent for the account root. */
  readonly userId?: string
  readonly secretAccessKey: string
  readonly status: AccessKeyStatus
  readonly createdAt: Date
  readonly lastUsedAt?: Date
  readonly lastUsedService?: string
  readonly lastUsedRegion?: string
}

/** An instance profile and the ids of the roles in it (AWS allows one). */
export interface InstanceProfileRecord {
  /** Unique id, `AIPA…`. */
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  readonly roleIds: readonly string[]
  readonly tags: readonly Tag[]
  readonly createdAt: Date
}

/** An IAM OpenID Connect provider. */
export interface OidcProviderRecord {
  readonly arn: string
  readonly accountId: string
  /** The URL without `https://`, as it appears in the ARN. */
  readonly url: string
  readonly clientIds: readonly string[]
  /** Lower-case SHA-1 hex thumbprints. */
  readonly thumbprints: readonly string[]
  readonly tags: readonly Tag[]
  readonly createdAt: Date
}

/** A CloudTrail-shaped audit event with the columns it is queried by. */
export interface AuditEventRecord {
  readonly eventId: string
  readonly eventTime: Date
  /** `recipientAccountId`. */
  readonly accountId: string
  readonly principalArn?: string
  readonly username?: string
  readonly eventSource: string
  readonly eventName: string
  readonly errorCode?: string
  readonly accessKeyId?: string
  readonly readOnly: boolean
  readonly requestId: string
  /** The whole CloudTrail event. */
  readonly event: Readonly<Record<string, unknown>>
}

/** One page of a keyset-paginated listing. */
export interface Page<T> {
  readonly items: readonly T[]
  /** Pass as `after` to get the next page; absent on the last page. */
  readonly next?: string
}

/** Keyset pagination input shared by list methods. */
export interface PageRequest {
  /** The `next` of the previous page. */
  readonly after?: string
  /** At most this many items (1–1000). */
  readonly limit: number
}
