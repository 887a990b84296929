import type { AccountRecord, GroupRecord, Page, PageRequest, RoleRecord, Tag, UserRecord } from './records.js'

/** Listing filter for users, groups and roles. */
export interface PathListRequest extends PageRequest {
  /** Only entities whose path starts with this (byte-wise); default `/`. */
  readonly pathPrefix?: string
}

/** Accounts. */
export interface AccountRepository {
  /** Adds an account; `StoreConflict` when the id or alias exists. */
  insert(account: AccountRecord): Promise<AccountRecord>
  /** The account with this id. */
  get(id: string): Promise<AccountRecord | undefined>
  /** The account with this alias. */
  getByAlias(alias: string): Promise<AccountRecord | undefined>
  /** Every account, ordered by id. */
  list(): Promise<readonly AccountRecord[]>
  /** Sets or clears the alias; `StoreConflict` when another account holds it; false when the account is missing. */
  setAlias(id: string, alias: string | undefined): Promise<boolean>
}

/** Changes to a user; `null` clears an optional field. */
export interface UserPatch {
  readonly name?: string
  readonly path?: string
  readonly permissionsBoundaryArn?: string | null
  readonly tags?: readonly Tag[]
  readonly passwordLastUsedAt?: Date
}

/** IAM users. Names are unique per account ignoring case. */
export interface UserRepository {
  /** Adds a user; `StoreConflict` when the name exists in any case. */
  insert(user: Omit<UserRecord, 'passwordLastUsedAt'>): Promise<UserRecord>
  /** The user with this unique id. */
  get(id: string): Promise<UserRecord | undefined>
  /** The user with this name, matched ignoring case. */
  getByName(accountId: string, name: string): Promise<UserRecord | undefined>
  /** Users ordered by lower-cased name. */
  list(accountId: string, request: PathListRequest): Promise<Page<UserRecord>>
  /** How many users the account has. */
  count(accountId: string): Promise<number>
  /** Applies `patch`; undefined when the user is missing; `StoreConflict` on a clashing new name. */
  update(id: string, patch: UserPatch): Promise<UserRecord | undefined>
  /** Deletes the user with its memberships, access keys, inline policies and attachments. */
  delete(id: string): Promise<boolean>
}

/** Changes to a group. */
export interface GroupPatch {
  readonly name?: string
  readonly path?: string
}

/** IAM groups and their members. Names are unique per account ignoring case. */
export interface GroupRepository {
  /** Adds a group; `StoreConflict` when the name exists in any case. */
  insert(group: GroupRecord): Promise<GroupRecord>
  /** The group with this unique id. */
  get(id: string): Promise<GroupRecord | undefined>
  /** The group with this name, matched ignoring case. */
  getByName(accountId: string, name: string): Promise<GroupRecord | undefined>
  /** Groups ordered by lower-cased name. */
  list(accountId: string, request: PathListRequest): Promise<Page<GroupRecord>>
  /** How many groups the account has. */
  count(accountId: string): Promise<number>
  /** Applies `patch`; undefined when the group is missing. */
  update(id: string, patch: GroupPatch): Promise<GroupRecord | undefined>
  /** Deletes the group with its memberships, inline policies and attachments. */
  delete(id: string): Promise<boolean>
  /** Adds a member; true when added, false when already a member; `StoreMissingReference` when either is missing. */
  addMember(groupId: string, userId: string, at: Date): Promise<boolean>
  /** Removes a member; false when the user was not a member. */
  removeMember(groupId: string, userId: string): Promise<boolean>
  /** The group's members, ordered by lower-cased name. */
  listMembers(groupId: string): Promise<readonly UserRecord[]>
  /** The groups a user belongs to, ordered by lower-cased name. */
  listForUser(userId: string): Promise<readonly GroupRecord[]>
}

/** Changes to a role; `null` clears an optional field. */
export interface RolePatch {
  readonly trustPolicy?: string
  readonly description?: string | null
  readonly maxSessionDuration?: number
  readonly permissionsBoundaryArn?: string | null
  readonly tags?: readonly Tag[]
}

/** IAM roles. Names are unique per account ignoring case. */
export interface RoleRepository {
  /** Adds a role; `StoreConflict` when the name exists in any case. */
  insert(role: Omit<RoleRecord, 'lastUsedAt' | 'lastUsedRegion'>): Promise<RoleRecord>
  /** The role with this unique id. */
  get(id: string): Promise<RoleRecord | undefined>
  /** The role with this name, matched ignoring case. */
  getByName(accountId: string, name: string): Promise<RoleRecord | undefined>
  /** Roles ordered by lower-cased name. */
  list(accountId: string, request: PathListRequest): Promise<Page<RoleRecord>>
  /** How many roles the account has. */
  count(accountId: string): Promise<number>
  /** Applies `patch`; undefined when the role is missing. */
  update(id: string, patch: RolePatch): Promise<RoleRecord | undefined>
  /** Records RoleLastUsed. */
  recordUse(id: string, at: Date, region: string): Promise<boolean>
  /** Deletes the role with its inline policies, attachments and instance-profile memberships. */
  delete(id: string): Promise<boolean>
}
