import {
  GetPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  type Role,
} from '@aws-sdk/client-iam'
import type { RosaDataSet } from './data-set.js'
import { roleInstanceProfiles } from './delete-resources.js'
import { findRole } from './ensure-role.js'
import { listOperatorRoles } from './list-resources.js'
import { accountRoleName } from './names.js'
import type { RosaClients } from './rosa-clients.js'

/** A managed policy attached to a role, with its default version. */
export interface DescribedAttachment {
  readonly arn: string
  readonly defaultVersion: string | undefined
  readonly openshiftVersion: string | undefined
}

/** A role as `describe account-roles|operator-roles` shows it. */
export interface DescribedRole {
  readonly name: string
  readonly arn: string
  readonly path: string
  readonly createDate: string | undefined
  readonly maxSessionDuration: number | undefined
  readonly permissionsBoundary: string | undefined
  readonly tags: Readonly<Record<string, string>>
  /** Principals of the trust policy's statements (`AWS`, `Service`, `Federated` values). */
  readonly trustedPrincipals: readonly string[]
  /** The trust policy's `<issuer>:sub` values (operator roles). */
  readonly serviceAccounts: readonly string[]
  readonly trustPolicy: unknown
  readonly attachedPolicies: readonly DescribedAttachment[]
  readonly inlinePolicies: readonly string[]
  readonly instanceProfiles: readonly string[]
}

interface TrustStatement {
  readonly Principal?: Record<string, string | string[]>
  readonly Condition?: Record<string, Record<string, string | string[]>>
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat())

/** The principals and `:sub` values of a trust document (IAM returns it URL-encoded). */
function trustFacts(encoded: string | undefined): {
  document: unknown
  principals: string[]
  subs: string[]
} {
  const document = JSON.parse(decodeURIComponent(encoded ?? '{}')) as { Statement?: TrustStatement[] }
  const principals: string[] = []
  const subs: string[] = []
  for (const statement of document.Statement ?? []) {
    for (const value of Object.values(statement.Principal ?? {})) principals.push(...list(value))
    for (const block of Object.values(statement.Condition ?? {})) {
      for (const [key, value] of Object.entries(block)) if (key.endsWith(':sub')) subs.push(...list(value))
    }
  }
  return { document, principals, subs }
}

/** Reads a role, its trust, attached and inline policies and instance profiles; undefined when it does not exist. */
export async function describeRole(clients: RosaClients, name: string): Promise<DescribedRole | undefined> {
  const role: Role | undefined = await findRole(clients, name)
  if (role === undefined) return undefined
  const { iam } = clients
  const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies
  const attachedPolicies: DescribedAttachment[] = []
  for (const { PolicyArn } of attached ?? []) {
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn }))).Policy
    attachedPolicies.push({
      arn: PolicyArn ?? '',
      defaultVersion: policy?.DefaultVersionId,
      openshiftVersion: policy?.Tags?.find((t) => t.Key === 'rosa_openshift_version')?.Value,
    })
  }
  const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? []
  const trust = trustFacts(role.AssumeRolePolicyDocument)
  return {
    name,
    arn: role.Arn ?? '',
    path: role.Path ?? '/',
    createDate: role.CreateDate?.toISOString(),
    maxSessionDuration: role.MaxSessionDuration,
    permissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    trustedPrincipals: trust.principals,
    serviceAccounts: trust.subs,
    trustPolicy: trust.document,
    attachedPolicies,
    inlinePolicies: inline,
    instanceProfiles: (await roleInstanceProfiles(clients, name)) || [],
  }
}

/** `describe account-roles`: the four roles of a prefix; those that do not exist are named in `missing`. */
export async function describeAccountRoles(
  clients: RosaClients,
  data: RosaDataSet,
  prefix: string,
): Promise<{ roles: DescribedRole[]; missing: string[] }> {
  const roles: DescribedRole[] = []
  const missing: string[] = []
  for (const spec of data.manifest.account_roles) {
    const name = accountRoleName(prefix, spec.suffix)
    const role = await describeRole(clients, name)
    if (role === undefined) missing.push(name)
    else roles.push(role)
  }
  if (roles.length === 0) {
    throw new Error(
      `no account roles with prefix ${prefix}: run \`lanyard rosa create account-roles --prefix ${prefix}\``,
    )
  }
  return { roles, missing }
}

/** `describe operator-roles --prefix`: the roles `<prefix>-openshift-…` tagged operator_namespace, sorted by name. */
export async function describeOperatorRoles(clients: RosaClients, prefix: string): Promise<DescribedRole[]> {
  const roles: DescribedRole[] = []
  for (const listed of await listOperatorRoles(clients, `${prefix}-openshift-`)) {
    const role = await describeRole(clients, listed.name)
    if (role !== undefined) roles.push(role)
  }
  if (roles.length === 0) {
    throw new Error(
      `no operator roles with prefix ${prefix}: run \`lanyard rosa create operator-roles --prefix ${prefix}\``,
    )
  }
  return roles
}
