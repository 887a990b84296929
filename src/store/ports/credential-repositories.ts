import type {
  AccessKeyRecord,
  AccessKeyStatus,
  InstanceProfileRecord,
  OidcProviderRecord,
  Page,
  PageRequest,
  Tag,
} from './records.js'

/** Access keys; the secret is sealed with the master key before it is written. */
export interface AccessKeyRepository {
  /** Adds a key; `StoreMissingReference` when the user is missing. */
  insert(
    key: Omit<AccessKeyRecord, 'lastUsedAt' | 'lastUsedService' | 'lastUsedRegion'>,
  ): Promise<AccessKeyRecord>
  /** The key with its secret unsealed. */
  get(id: string): Promise<AccessKeyRecord | undefined>
  /** The user's keys, oldest first. */
  listForUser(userId: string): Promise<readonly AccessKeyRecord[]>
  /** The account root's keys (keys with no user), oldest first. */
  listForRoot(accountId: string): Promise<readonly AccessKeyRecord[]>
  /** Sets Active or Inactive. */
  setStatus(id: string, status: AccessKeyStatus): Promise<boolean>
  /** Records GetAccessKeyLastUsed data. */
  recordUse(id: string, at: Date, service: string, region: string): Promise<boolean>
  /** Deletes the key. */
  delete(id: string): Promise<boolean>
}

/** Listing filter for instance profiles. */
export interface InstanceProfileListRequest extends PageRequest {
  readonly pathPrefix?: string
}

/** Instance profiles and their roles. Names are unique per account ignoring case. */
export interface InstanceProfileRepository {
  /** Adds a profile (its `roleIds` are ignored: add roles with `addRole`); `StoreConflict` on a clashing name. */
  insert(profile: InstanceProfileRecord): Promise<InstanceProfileRecord>
  /** The profile with this unique id. */
  get(id: string): Promise<InstanceProfileRecord | undefined>
  /** The profile with this name, matched ignoring case. */
  getByName(accountId: string, name: string): Promise<InstanceProfileRecord | undefined>
  /** Profiles ordered by lower-cased name. */
  list(accountId: string, request: InstanceProfileListRequest): Promise<Page<InstanceProfileRecord>>
  /** The profiles that contain the role, ordered by lower-cased name. */
  listForRole(roleId: string): Promise<readonly InstanceProfileRecord[]>
  /** Adds a role; false when already in it; `StoreMissingReference` when either is missing. */
  addRole(profileId: string, roleId: string, at: Date): Promise<boolean>
  /** Removes a role; false when it was not in the profile. */
  removeRole(profileId: string, roleId: string): Promise<boolean>
  /** Replaces the tags. */
  setTags(id: string, tags: readonly Tag[]): Promise<boolean>
  /** Deletes the profile (its role memberships go with it). */
  delete(id: string): Promise<boolean>
}

/** Changes to an OIDC provider. */
export interface OidcProviderPatch {
  readonly clientIds?: readonly string[]
  readonly thumbprints?: readonly string[]
  readonly tags?: readonly Tag[]
}

/** IAM OIDC providers, keyed by ARN. URLs are case-sensitive. */
export interface OidcProviderRepository {
  /** Adds a provider; `StoreConflict` when the account already has the URL. */
  insert(provider: OidcProviderRecord): Promise<OidcProviderRecord>
  /** The provider with this ARN. */
  get(arn: string): Promise<OidcProviderRecord | undefined>
  /** The provider with this URL (without `https://`) in the account. */
  getByUrl(accountId: string, url: string): Promise<OidcProviderRecord | undefined>
  /** The account's providers ordered by ARN (AWS does not paginate this list). */
  list(accountId: string): Promise<readonly OidcProviderRecord[]>
  /** Applies `patch`; undefined when the provider is missing. */
  update(arn: string, patch: OidcProviderPatch): Promise<OidcProviderRecord | undefined>
  /** Deletes the provider. */
  delete(arn: string): Promise<boolean>
}
