import type { RequestContext } from './context.js'
import type { PrincipalFacts } from './principal.js'

/** The facts of one authorization request. */
export interface RequestFacts {
  readonly principal: PrincipalFacts
  /** `service:Action`, e.g. `iam:CreateRole`. */
  readonly action: string
  /** The resource ARN, or `*` for actions without a resource. */
  readonly resource: string
  /** The account that owns the resource; defaults to the principal's account. */
  readonly resourceAccount?: string
  /** Request context keys (`aws:CurrentTime` and the rest); time enters only through here. */
  readonly context: RequestContext
}

/** Which policy a statement came from: `identity[0]`, `boundary[0]`, `session[0]` or `resource`. */
export type PolicyLabel = string

/** A statement that took part in a decision. */
export interface StatementRef {
  readonly policy: PolicyLabel
  readonly statement: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
}

/** The outcome of `decide`. */
export interface Decision {
  readonly effect: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
  /** The statements that decided it: the matching Denies for ExplicitDeny, the Allows that granted it for Allow. */
  readonly reasons: readonly StatementRef[]
}

/** How a resource-policy statement's Principal matched the caller (see the IAM UG, resource policies and boundaries). */
export type PrincipalMatch =
  /** No Principal element (identity, boundary and session policies). */
  | 'none'
  /** The exact user, session, federated-user ARN, or `*`. */
  | 'direct'
  /** The role of the calling session, or the parent user of a federated session. */
  | 'role'
  /** The caller's account only. */
  | 'account'

/** A statement of a policy that applies to a request. */
export interface MatchedStatement {
  readonly statement: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  readonly principalMatch: PrincipalMatch
}

/** A policy that can say which of its statements apply to a request; compiled and interpreted forms implement it alike. */
export interface EvaluablePolicy {
  /** The statements that match the request's principal, action, resource and conditions, in document order. */
  matching(request: RequestFacts): readonly MatchedStatement[]
}

/** Every policy that bears on one request. */
export interface PolicySet {
  readonly identity: readonly EvaluablePolicy[]
  readonly boundaries?: readonly EvaluablePolicy[]
  readonly session?: readonly EvaluablePolicy[]
  readonly resource?: EvaluablePolicy | null
}
