import type {
  AttachmentRecord,
  InlinePolicyRecord,
  ManagedPolicyRecord,
  Page,
  PageRequest,
  PolicyVersionRecord,
  PrincipalRef,
  Tag,
} from './records.js'

/** A managed policy as inserted: its first version `v1` is created with it as the default. */
export interface NewManagedPolicy {
  readonly id: string
  readonly accountId: string
  readonly arn: string
  readonly name: string
  readonly path: string
  readonly description?: string
  readonly document: string
  readonly tags: readonly Tag[]
  readonly createdAt: Date
}

/** A managed policy with the counts IAM reports for it. */
export interface ManagedPolicyView extends ManagedPolicyRecord {
  /** Users, groups and roles it is attached to. */
  readonly attachmentCount: number
  /** Users and roles that use it as their permissions boundary. */
  readonly permissionsBoundaryUsageCount: number
}

/** Listing filter for managed policies (ListPolicies). */
export interface PolicyListRequest extends PageRequest {
  /** Accounts to list from: `['aws']`, `[account]` or both. */
  readonly accountIds: readonly string[]
  readonly pathPrefix?: string
  /** Only policies attached to a principal (`permissions`) or used as a boundary (`boundary`), or either (`any`). */
  readonly usedAs?: 'any' | 'permissions' | 'boundary'
  /** Count (and filter by) only this account's users, groups and roles; AWS managed policies are shared. */
  readonly viewerAccountId?: string
}

/** Managed policies and their versions. Names are unique per account ignoring case. */
export interface ManagedPolicyRepository {
  /** Adds a policy with version `v1` as its default; `StoreConflict` when the name or ARN exists. */
  insert(policy: NewManagedPolicy): Promise<ManagedPolicyView>
  /** The policy with this unique id. */
  get(id: string): Promise<ManagedPolicyView | undefined>
  /** The policy with this ARN; with `viewerAccountId`, its counts cover only that account's entities. */
  getByArn(arn: string, viewerAccountId?: string): Promise<ManagedPolicyView | undefined>
  /** Policies ordered by lower-cased name, then id. */
  list(request: PolicyListRequest): Promise<Page<ManagedPolicyView>>
  /** How many policies the account owns. */
  count(accountId: string): Promise<number>
  /** Replaces the tags. */
  setTags(id: string, tags: readonly Tag[]): Promise<boolean>
  /** Deletes the policy and its versions; `StoreInUse` while attached. */
  delete(id: string): Promise<boolean>
  /** Adds version `v<next>`; undefined when the policy is missing. The domain enforces the five-version limit. */
  addVersion(
    policyId: string,
    version: { readonly document: string; readonly setAsDefault: boolean; readonly createdAt: Date },
  ): Promise<PolicyVersionRecord | undefined>
  /** One version. */
  getVersion(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined>
  /** Every version, newest first. */
  listVersions(policyId: string): Promise<readonly PolicyVersionRecord[]>
  /** The default versions of the policies with these ARNs, in one query (loading a principal's policies). */
  getDefaultVersions(
    arns: readonly string[],
  ): Promise<readonly (PolicyVersionRecord & { readonly arn: string })[]>
  /** Makes `versionId` the default and sets UpdateDate; false when the version is missing. */
  setDefaultVersion(policyId: string, versionId: string, at: Date): Promise<boolean>
  /** Deletes a version; the domain refuses the default one. */
  deleteVersion(policyId: string, versionId: string): Promise<boolean>
}

/** Inline policies of users, groups and roles. Names are case-sensitive. */
export interface InlinePolicyRepository {
  /** Creates or replaces the named policy. */
  put(owner: PrincipalRef, name: string, document: string, at: Date): Promise<InlinePolicyRecord>
  /** One inline policy. */
  get(owner: PrincipalRef, name: string): Promise<InlinePolicyRecord | undefined>
  /** The owner's inline policies ordered by name. */
  list(owner: PrincipalRef): Promise<readonly InlinePolicyRecord[]>
  /** The inline policies of several owners (a user and its groups) in one query, ordered by owner id then name. */
  listForOwners(owners: readonly PrincipalRef[]): Promise<readonly InlinePolicyRecord[]>
  /** Deletes one inline policy. */
  delete(owner: PrincipalRef, name: string): Promise<boolean>
}

/** Managed-policy attachments of users, groups and roles. */
export interface AttachmentRepository {
  /** Attaches; true when new, false when already attached; `StoreMissingReference` when the policy is missing. */
  attach(principal: PrincipalRef, policyId: string, at: Date): Promise<boolean>
  /** Detaches; false when it was not attached. */
  detach(principal: PrincipalRef, policyId: string): Promise<boolean>
  /** The principal's attached policies ordered by policy name. */
  listForPrincipal(principal: PrincipalRef): Promise<readonly AttachmentRecord[]>
  /** The attachments of several principals (a user and its groups) in one query, ordered by principal id then policy name. */
  listForPrincipals(principals: readonly PrincipalRef[]): Promise<readonly AttachmentRecord[]>
  /** Who the policy is attached to, with each principal's name, ordered by kind then name. */
  listForPolicy(policyId: string): Promise<readonly (AttachmentRecord & { readonly principalName: string })[]>
}
