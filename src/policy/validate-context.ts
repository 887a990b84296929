import type { PolicyKind } from './document.js'
import type { PolicyIssue } from './issues.js'
import type { RawDocument } from './validate-syntax.js'

/** Options that change which rules apply. */
export interface ValidateOptions {
  /** A customer managed policy (CreatePolicy, CreatePolicyVersion): needs Version 2012-10-17 and fits 6,144. */
  readonly managed?: boolean
  /** An inline policy checked against its owner's quota (the service adds up all of the owner's inline policies). */
  readonly inline?: { readonly owner: 'user' | 'role' | 'group'; readonly name: string }
  /** The account the policy belongs to; trust-policy provider ARNs must name it. */
  readonly accountId?: string
  /** The account's trust-policy size quota when raised from the default 2,048. */
  readonly trustSizeLimit?: number
}

/** What every validation stage is given. */
export interface ValidationContext {
  readonly kind: PolicyKind
  readonly options: ValidateOptions
  /** The document's JSON text. */
  readonly text: string
}

/** One step of validation; stages run in AWS's check order. */
export type ValidationStage = (document: RawDocument, context: ValidationContext) => readonly PolicyIssue[]

/** Kinds whose statements must not name a principal. */
export const PRINCIPAL_FORBIDDEN: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session'])
