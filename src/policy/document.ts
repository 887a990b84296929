/** The policy kinds AWS validates differently. */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'session'

/** The two policy-language versions; an absent Version means 2008-10-17. */
export type PolicyVersion = '2012-10-17' | '2008-10-17'

/** A Principal or NotPrincipal block: `"*"` or a map of principal types to values. */
export type PrincipalBlock =
  | { readonly kind: 'any' }
  | {
      readonly kind: 'map'
      readonly aws: readonly string[]
      readonly service: readonly string[]
      readonly federated: readonly string[]
      readonly canonicalUser: readonly string[]
    }

/** One `"<Operator>": {"<key>": [values]}` entry; values are normalized to strings. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string
  /** The condition key as written; keys compare case-insensitively. */
  readonly key: string
  /** The policy values, numbers and booleans turned into their JSON text. */
  readonly values: readonly string[]
}

/** One statement of a parsed policy. */
export interface Statement {
  /** Position in the Statement array (0 for a single-object Statement). */
  readonly index: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  readonly principal?: PrincipalBlock
  readonly notPrincipal?: PrincipalBlock
  readonly action?: readonly string[]
  readonly notAction?: readonly string[]
  readonly resource?: readonly string[]
  readonly notResource?: readonly string[]
  readonly conditions: readonly ConditionClause[]
}

/** A structurally parsed policy document, ready for evaluation. */
export interface PolicyDocument {
  readonly version: PolicyVersion
  readonly id?: string
  readonly statements: readonly Statement[]
}
