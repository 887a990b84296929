/** What kind of caller a request comes from, named as `aws:PrincipalType` names them (plus the federated callers of trust policies). */
export type PrincipalType =
  | 'Account'
  | 'User'
  | 'AssumedRole'
  | 'FederatedUser'
  | 'Anonymous'
  | 'Service'
  | 'WebIdentity'
  | 'SAML'

/** The facts about a caller that principal matching and evaluation need. */
export interface PrincipalFacts {
  readonly type: PrincipalType
  /** The identity ARN (GetCallerIdentity `Arn`): session ARN for role sessions; `*` for anonymous. */
  readonly arn: string
  /** The caller's account id; empty for anonymous and service callers. */
  readonly account: string
  /** The `aws:PrincipalArn`: the role ARN with its path for role sessions, else the identity ARN. */
  readonly principalArn: string
  /** The unique id of the user or role (`AIDA…`, `AROA…`), when known. */
  readonly uniqueId?: string
  /** For GetFederationToken sessions: the ARN of the IAM user that created it. */
  readonly parentUserArn?: string
  /** For service callers: the service principal, e.g. `ec2.amazonaws.com`. */
  readonly service?: string
  /** For web-identity and SAML callers: the provider (`arn:aws:iam::A:oidc-provider/host` or a domain). */
  readonly federatedProvider?: string
  /** For S3 callers known by canonical user id (`CanonicalUser` principals). */
  readonly canonicalUserId?: string
  /** Whether the caller's IAM entity has a permissions boundary (NotPrincipal with Deny always denies it). */
  readonly hasBoundary?: boolean
}
