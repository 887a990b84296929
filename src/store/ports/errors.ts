/** What kind of store failure happened; services map each kind to an AWS error. */
export type StoreErrorKind = 'conflict' | 'in-use' | 'missing-reference' | 'sealed-secret' | 'unavailable'

/** Base class of every error the store throws; driver errors never escape the store. */
export abstract class StoreError extends Error {
  /** The failure kind, stable across dialects. */
  abstract readonly kind: StoreErrorKind
}

/** A write collided with a unique key (e.g. a role name that differs only in case). */
export class StoreConflict extends StoreError {
  /** Always `conflict`. */
  readonly kind = 'conflict' as const
  /** The entity whose unique key was violated, e.g. `role`. */
  readonly entity: string

  constructor(entity: string) {
    super(`A ${entity} with the same key already exists.`)
    this.name = 'StoreConflict'
    this.entity = entity
  }
}

/** A delete was refused because other rows still refer to the row (e.g. an attached managed policy). */
export class StoreInUse extends StoreError {
  /** Always `in-use`. */
  readonly kind = 'in-use' as const
  /** The entity that is still referenced. */
  readonly entity: string

  constructor(entity: string) {
    super(`The ${entity} is still referenced.`)
    this.name = 'StoreInUse'
    this.entity = entity
  }
}

/** A write referred to a row that does not exist (e.g. adding a user to a deleted group). */
export class StoreMissingReference extends StoreError {
  /** Always `missing-reference`. */
  readonly kind = 'missing-reference' as const
  /** The entity being written. */
  readonly entity: string

  constructor(entity: string) {
    super(`The ${entity} refers to a row that does not exist.`)
    this.name = 'StoreMissingReference'
    this.entity = entity
  }
}

/** A sealed secret could not be opened: wrong master key, or the ciphertext was altered. */
export class StoreSealedSecretError extends StoreError {
  /** Always `sealed-secret`. */
  readonly kind = 'sealed-secret' as const

  constructor(message: string) {
    super(message)
    this.name = 'StoreSealedSecretError'
  }
}

/** What an operator should know about driver and file-system codes that mean the disk, not the request. */
const DISK_HINTS: Readonly<Record<string, string>> = {
  SQLITE_FULL: 'the disk is full',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'a file reached the largest size allowed (RLIMIT_FSIZE)',
  EROFS: 'the file system is read-only',
  EIO: 'the disk failed',
}

/** The operator hint for a driver or file-system code, when it names a disk problem. */
function diskHint(code: string | undefined): string | undefined {
  if (code === undefined) return undefined
  if (code.startsWith('SQLITE_IOERR')) return 'an I/O error: the disk may be full or failing'
  return DISK_HINTS[code]
}

/** File-system error codes the store reports as StoreUnavailable (a write the disk refused), not as bugs. */
export const DISK_ERROR_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EIO'])

/** The database failed for a reason the caller cannot fix (I/O, connection, busy); carries only the driver's code. */
export class StoreUnavailable extends StoreError {
  /** Always `unavailable`. */
  readonly kind = 'unavailable' as const
  /** The driver's error code, e.g. `SQLITE_BUSY`, `SQLITE_FULL`, `ENOSPC` or `57P01`, when it had one. */
  readonly driverCode: string | undefined

  constructor(driverCode: string | undefined) {
    const hint = diskHint(driverCode)
    super(
      `The database failed${driverCode === undefined ? '' : ` (${driverCode})`}${hint === undefined ? '' : `: ${hint}`}.`,
    )
    this.name = 'StoreUnavailable'
    this.driverCode = driverCode
  }
}
