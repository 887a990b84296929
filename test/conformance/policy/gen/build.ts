/** Builders shared by the corpus generators: accounts, principals, policy documents and case shapes. */

/** The account used by the generated cases. */
export const A = '111122223333'

/** IAM user alice in account A. */
export const ALICE = `arn:aws:iam::${A}:user/alice`
/** An S3 bucket and an object in it. */
export const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket'
/** An object in BUCKET. */
export const OBJ = `${BUCKET}/key`

/** A request context value. */
export type Value = string | string[]

/** A policy statement as written in JSON. */
export type Stmt = Record<string, unknown>

/** A policy document as written in JSON. */
export interface Doc {
  Version?: string
  Statement: Stmt[] | Stmt
}

/** The request half of a case. */
export interface Request {
  principal: string
  action: string
  resource: string
  resourceAccount?: string
  context?: Record<string, Value>
  identityPolicies?: Doc[]
  permissionsBoundaries?: Doc[]
  sessionPolicies?: Doc[]
  resourcePolicy?: Doc | null
}

/** One statement reference of an expected answer. */
export interface Ref {
  policy: string
  statement: number
  sid?: string
  effect: 'Allow' | 'Deny'
}

/** The three decisions. */
export type Decision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'

/** One conformance case. */
export interface Case {
  name: string
  request: Request
  expected: { decision: Decision; matched: Ref[] }
  source?: string
  skip?: string
}

/** A 2012-10-17 policy with the given statements. */
export function pol(...statements: Stmt[]): Doc {
  return { Version: '2012-10-17', Statement: statements }
}

/** An Allow statement on everything. */
export const ALLOW_ALL: Stmt = { Effect: 'Allow', Action: '*', Resource: '*' }

/** A statement reference; the Sid is copied when given. */
export function ref(policy: string, statement: number, effect: 'Allow' | 'Deny', sid?: string): Ref {
  return sid === undefined ? { policy, statement, effect } : { policy, statement, sid, effect }
}

/** An Allowed answer. */
export function allowed(...matched: Ref[]): Case['expected'] {
  return { decision: 'Allowed', matched }
}

/** An ExplicitlyDenied answer. */
export function denied(...matched: Ref[]): Case['expected'] {
  return { decision: 'ExplicitlyDenied', matched }
}

/** An ImplicitlyDenied answer. */
export const IMPLICIT: Case['expected'] = { decision: 'ImplicitlyDenied', matched: [] }

/** IAM User Guide page URL. */
export function ug(page: string): string {
  return `https://docs.aws.amazon.com/IAM/latest/UserGuide/${page}`
}

/** Commonly cited IAM User Guide pages. */
export const DOCS = {
  operators: ug('reference_policies_elements_condition_operators.html'),
  multivalued: ug('reference_policies_condition-single-vs-multi-valued-context-keys.html'),
  variables: ug('reference_policies_variables.html'),
  evaluation: ug('reference_policies_evaluation-logic_policy-eval-denyallow.html'),
  singleAccount: ug('reference_policies_evaluation-logic_policy-eval-basics.html'),
  crossAccount: ug('reference_policies_evaluation-logic-cross-account.html'),
  boundaries: ug('access_policies_boundaries.html'),
  session: ug('access_policies.html#policies_session'),
  action: ug('reference_policies_elements_action.html'),
  notAction: ug('reference_policies_elements_notaction.html'),
  resource: ug('reference_policies_elements_resource.html'),
  notResource: ug('reference_policies_elements_notresource.html'),
  principal: ug('reference_policies_elements_principal.html'),
  notPrincipal: ug('reference_policies_elements_notprincipal.html'),
  externalId: ug('confused-deputy.html'),
  thirdParty: ug('id_roles_common-scenarios_third-party.html'),
  wif: ug('reference_policies_iam-condition-keys.html#condition-keys-wif'),
  oidcTrust: ug('id_roles_create_for-idp_oidc.html'),
  globalKeys: ug('reference_policies_condition-keys.html'),
  mfa: ug('id_credentials_mfa_configure-api-require.html'),
  version: ug('reference_policies_elements_version.html'),
} as const

/** A case whose single identity policy has `statements`; the caller is alice unless `over` says otherwise. */
export function identityCase(
  name: string,
  statements: Stmt[],
  expected: Case['expected'],
  over: Partial<Request> = {},
  source?: string,
): Case {
  const request: Request = {
    principal: ALICE,
    action: 's3:GetObject',
    resource: OBJ,
    ...over,
    identityPolicies: [pol(...statements)],
  }
  return source === undefined ? { name, request, expected } : { name, request, expected, source }
}
