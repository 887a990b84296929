import type { Page, PageRequest, Tag } from './records.js'

/** A user's console password (CreateLoginProfile). */
export interface LoginProfileRecord {
  readonly userId: string
  /** The password hash (scrypt or argon2, self-describing); never the password. */
  readonly passwordHash: string
  readonly passwordResetRequired: boolean
  readonly createdAt: Date
}

/** A virtual MFA device; the TOTP seed is unsealed on read and sealed at rest. */
export interface MfaDeviceRecord {
  /** The device ARN, `arn:aws:iam::A:mfa/<path><name>`. */
  readonly serialNumber: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  /** The base32 TOTP seed. */
  readonly seed: string
  /** The user it is enabled for; absent while unassigned. */
  readonly userId?: string
  readonly enabledAt?: Date
  /** The last TOTP time step accepted, so a code is never accepted twice. */
  readonly lastCounter?: number
  readonly tags: readonly Tag[]
  readonly createdAt: Date
}

/** Console passwords. */
export interface LoginProfileRepository {
  /** Adds the user's login profile; `StoreConflict` when it has one, `StoreMissingReference` when the user is missing. */
  insert(profile: LoginProfileRecord): Promise<LoginProfileRecord>
  /** The user's login profile. */
  get(userId: string): Promise<LoginProfileRecord | undefined>
  /** Changes the hash or the reset flag; undefined when there is no profile. */
  update(
    userId: string,
    patch: { readonly passwordHash?: string; readonly passwordResetRequired?: boolean },
  ): Promise<LoginProfileRecord | undefined>
  /** Deletes the login profile. */
  delete(userId: string): Promise<boolean>
}

/** Listing filter for virtual MFA devices (ListVirtualMFADevices AssignmentStatus). */
export interface MfaDeviceListRequest extends PageRequest {
  readonly assignment?: 'assigned' | 'unassigned'
}

/** Virtual MFA devices. Names are unique per account ignoring case. */
export interface MfaDeviceRepository {
  /** Adds an unassigned device; `StoreConflict` when the name or serial exists. */
  insert(device: Omit<MfaDeviceRecord, 'userId' | 'enabledAt' | 'lastCounter'>): Promise<MfaDeviceRecord>
  /** The device with its seed unsealed. */
  get(serialNumber: string): Promise<MfaDeviceRecord | undefined>
  /** The account's devices ordered by lower-cased name. */
  list(accountId: string, request: MfaDeviceListRequest): Promise<Page<MfaDeviceRecord>>
  /** The devices enabled for a user, oldest first. */
  listForUser(userId: string): Promise<readonly MfaDeviceRecord[]>
  /** Assigns an unassigned device to a user; false when missing or already assigned. */
  enable(serialNumber: string, userId: string, at: Date, counter: number): Promise<boolean>
  /** Unassigns the device (its seed is kept). */
  deactivate(serialNumber: string): Promise<boolean>
  /** Accepts TOTP step `counter` only when it is later than the last accepted one (atomic across processes). */
  acceptCounter(serialNumber: string, counter: number): Promise<boolean>
  /** Replaces the tags. */
  setTags(serialNumber: string, tags: readonly Tag[]): Promise<boolean>
  /** Deletes the device. */
  delete(serialNumber: string): Promise<boolean>
}
