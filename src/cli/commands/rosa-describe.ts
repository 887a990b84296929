import {
  type DescribedOidcProvider,
  type DescribedRole,
  describeAccountRoles,
  describeOidcProvider,
  describeOperatorRoles,
  getCaller,
  loadRosaDataSet,
} from '../../rosa/index.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'
import { runDescribeOidcConfig } from './rosa-oidc.js'

/** The flags of `describe account-roles|operator-roles`. */
export interface DescribeRolesFlags extends RosaFlags {
  readonly prefix: string
  readonly version: string
}

/** The flags of `describe oidc-config|oidc-provider`. */
export interface DescribeOidcFlags extends RosaFlags {
  readonly oidcConfigId: string
}

/** Runs a describe command with the rosa session of the flags. */
async function withSession<T>(
  flags: RosaFlags,
  env: NodeJS.ProcessEnv,
  run: (session: ReturnType<typeof rosaSession>) => Promise<T>,
): Promise<T> {
  const session = rosaSession(flags, env)
  try {
    return await run(session)
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa describe account-roles --prefix P`. */
export async function runDescribeAccountRoles(
  flags: DescribeRolesFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ roles: DescribedRole[]; missing: string[] }> {
  const data = await loadRosaDataSet(flags.version)
  return withSession(flags, env, (s) => describeAccountRoles(s.clients, data, flags.prefix))
}

/** Runs `lanyard rosa describe operator-roles --prefix P`. */
export async function runDescribeOperatorRoles(
  flags: DescribeRolesFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DescribedRole[]> {
  return withSession(flags, env, (s) => describeOperatorRoles(s.clients, flags.prefix))
}

/** Runs `lanyard rosa describe oidc-provider --oidc-config-id ID`. */
export async function runDescribeOidcProvider(
  flags: DescribeOidcFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DescribedOidcProvider> {
  return withSession(flags, env, async (s) =>
    describeOidcProvider(s.clients, await getCaller(s.clients), flags.oidcConfigId),
  )
}

const none = (values: readonly string[]): string => (values.length > 0 ? values.join(', ') : 'none')

/** The readable lines of one role. */
export function roleLines(role: DescribedRole): string[] {
  const lines = [
    role.name,
    `  ARN:                ${role.arn}`,
    `  Path:               ${role.path}`,
    `  Created:            ${role.createDate ?? ''}`,
    `  Max session:        ${role.maxSessionDuration ?? ''} s`,
  ]
  if (role.tags.rosa_role_type) lines.push(`  Role type:          ${role.tags.rosa_role_type}`)
  if (role.tags.rosa_openshift_version)
    lines.push(`  OpenShift version:  ${role.tags.rosa_openshift_version}`)
  if (role.tags.operator_namespace)
    lines.push(`  Operator:           ${role.tags.operator_namespace}/${role.tags.operator_name ?? ''}`)
  lines.push(`  Trusted principals: ${none(role.trustedPrincipals)}`)
  if (role.serviceAccounts.length > 0) lines.push(`  Service accounts:   ${none(role.serviceAccounts)}`)
  if (role.permissionsBoundary) lines.push(`  Boundary:           ${role.permissionsBoundary}`)
  const attached = role.attachedPolicies.map(
    (p) =>
      `${p.arn} (${p.defaultVersion ?? '?'}${p.openshiftVersion ? `, OpenShift ${p.openshiftVersion}` : ''})`,
  )
  lines.push(`  Attached policies:  ${none(attached)}`)
  lines.push(`  Inline policies:    ${none(role.inlinePolicies)}`)
  lines.push(`  Instance profiles:  ${none(role.instanceProfiles)}`)
  return lines
}

/** Registers `describe account-roles|operator-roles|oidc-config|oidc-provider`. */
export function registerRosaDescribe(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.describe
      .command('account-roles')
      .description('describe the account roles of a prefix: trust, policies, tags, instance profiles')
      .option('--prefix <prefix>', 'role name prefix', 'ManagedOpenShift')
      .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22'),
  ).action((flags: DescribeRolesFlags) =>
    runRosaAction(
      'describe account-roles',
      flags,
      () => runDescribeAccountRoles(flags),
      (r) => [...r.roles.flatMap(roleLines), ...r.missing.map((name) => `${name}: not found`)],
    ),
  )
  withRosaFlags(
    groups.describe
      .command('operator-roles')
      .description('describe the operator roles of a prefix: trust, service accounts, policies')
      .requiredOption('--prefix <prefix>', 'operator role name prefix'),
  ).action((flags: DescribeRolesFlags) =>
    runRosaAction(
      'describe operator-roles',
      flags,
      () => runDescribeOperatorRoles(flags),
      (roles) => roles.flatMap(roleLines),
    ),
  )
  withRosaFlags(
    groups.describe
      .command('oidc-config')
      .description('describe an OIDC configuration: issuer, key ids, private-key secret')
      .requiredOption('--oidc-config-id <id>', 'the id `create oidc-config` printed'),
  ).action((flags: DescribeOidcFlags) =>
    runRosaAction(
      'describe oidc-config',
      flags,
      () => runDescribeOidcConfig(flags),
      (c) => [
        `ID:          ${c.id}`,
        `Issuer URL:  ${c.issuerUrl}`,
        `Key ids:     ${none(c.kids)}`,
        `Secret ARN:  ${c.secretArn ?? 'none'}`,
      ],
    ),
  )
  withRosaFlags(
    groups.describe
      .command('oidc-provider')
      .description('describe the IAM OIDC provider of an OIDC configuration')
      .requiredOption('--oidc-config-id <id>', 'the id `create oidc-config` printed'),
  ).action((flags: DescribeOidcFlags) =>
    runRosaAction(
      'describe oidc-provider',
      flags,
      () => runDescribeOidcProvider(flags),
      (p) => [
        `ARN:          ${p.arn}`,
        `URL:          ${p.url}`,
        `Client IDs:   ${none(p.clientIds)}`,
        `Thumbprints:  ${none(p.thumbprints)}`,
        `Created:      ${p.createDate ?? ''}`,
        `Tags:         ${none(Object.entries(p.tags).map(([k, v]) => `${k}=${v}`))}`,
      ],
    ),
  )
}
