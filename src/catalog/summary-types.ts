import type { AccessLevel } from './access-level.js'

/** Whether a policy grants all (Full) or some (Limited) of a service's actions of one access level. */
export interface LevelAccess {
  readonly level: AccessLevel
  readonly coverage: 'Full' | 'Limited'
  readonly granted: number
  readonly total: number
}

/** One row of the policy summary: a service under Allow or Explicit deny. */
export interface ServiceSummaryRow {
  readonly service: string
  readonly serviceName: string
  readonly effect: 'Allow' | 'Deny'
  /** True when every action of the service is covered ("Full access"). */
  readonly fullAccess: boolean
  /** The access levels with at least one covered action, in console order. */
  readonly levels: readonly LevelAccess[]
  /** The console's text: `Full access`, `Full: List, Read Limited: Write`, `Limited: Read`. */
  readonly accessLevel: string
  readonly grantedActions: number
  readonly totalActions: number
  /** `All resources`, the one resource, or `Multiple`. */
  readonly resource: string
  readonly resources: readonly string[]
  /** `None` or the condition keys that apply. */
  readonly requestCondition: string
  readonly conditionKeys: readonly string[]
  /** Entries for this service that match no action. */
  readonly unrecognizedActions: readonly string[]
}

/** A service the summary lists apart: unknown, with no matching action, or with no action at all. */
export interface UncategorizedService {
  readonly service: string
  readonly effect: 'Allow' | 'Deny'
  readonly reason: 'unrecognized service' | 'no matching actions' | 'no actions defined'
  /** The Action/NotAction entries; for `no actions defined`, the resources and condition keys naming it. */
  readonly entries: readonly string[]
}

/** The IAM console's policy summary (list of services). */
export interface PolicySummary {
  readonly allow: readonly ServiceSummaryRow[]
  readonly deny: readonly ServiceSummaryRow[]
  readonly uncategorized: readonly UncategorizedService[]
}

/** One row of a service summary: an action with its resources and conditions. */
export interface ActionSummaryRow {
  readonly action: string
  readonly fullName: string
  readonly accessLevel: AccessLevel
  readonly effect: 'Allow' | 'Deny'
  readonly resource: string
  readonly resources: readonly string[]
  readonly requestCondition: string
  readonly conditionKeys: readonly string[]
}

/** The IAM console's service summary (list of actions) for one service. */
export interface ServiceSummary {
  readonly service: string
  readonly serviceName: string
  readonly allow: readonly ActionSummaryRow[]
  readonly deny: readonly ActionSummaryRow[]
  /** Entries for this service that match no action ("Uncategorized actions"). */
  readonly uncategorizedActions: readonly string[]
}
