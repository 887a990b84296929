import type { AuditEventRecord, Page, PageRequest } from './records.js'

/** Filters for audit-event lookups; every given filter must match. */
export interface AuditQuery extends PageRequest {
  readonly accountId?: string
  /** Inclusive lower bound on the event time. */
  readonly from?: Date
  /** Exclusive upper bound on the event time. */
  readonly to?: Date
  readonly eventId?: string
  readonly eventName?: string
  readonly eventSource?: string
  readonly principalArn?: string
  /** Events whose principal ARN starts with this text (a role's sessions: `arn:aws:sts::A:assumed-role/R/`). */
  readonly principalArnPrefix?: string
  readonly username?: string
  readonly accessKeyId?: string
  readonly errorCode?: string
  readonly readOnly?: boolean
  /** `newest` (CloudTrail LookupEvents order, the default) or `oldest` first. */
  readonly order?: 'newest' | 'oldest'
}

/** The audit trail. */
export interface AuditRepository {
  /** Appends events in one transaction; an event id already stored is ignored. */
  append(events: readonly AuditEventRecord[]): Promise<void>
  /** Events matching `query`, ordered by time then event id. */
  query(query: AuditQuery): Promise<Page<AuditEventRecord>>
}

/** Key-value settings; `scope` is an account id or `global`. Secret values are sealed with the master key. */
export interface SettingsRepository {
  /** The plain value. */
  get(scope: string, key: string): Promise<string | undefined>
  /** Creates or replaces a plain value. */
  put(scope: string, key: string, value: string, at: Date): Promise<void>
  /** Creates or replaces a value sealed with the master key (bound to scope and key). */
  putSecret(scope: string, key: string, value: string, at: Date): Promise<void>
  /** The unsealed value; `StoreSealedSecretError` when it cannot be opened. */
  getSecret(scope: string, key: string): Promise<string | undefined>
  /** Keys in the scope that start with `prefix`, ordered. */
  listKeys(scope: string, prefix?: string): Promise<readonly string[]>
  /** Inserts only when absent; true when this call inserted (a cross-process compare-and-set). */
  putIfAbsent(scope: string, key: string, value: string, at: Date): Promise<boolean>
  /** Deletes a value. */
  delete(scope: string, key: string): Promise<boolean>
}
