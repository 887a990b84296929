import {
  CreateRoleCommand,
  GetRoleCommand,
  type IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'

/** The managed-service provider's default account (Red Hat's production jump account). */
export const DEFAULT_PROVIDER_ACCOUNT = '710019948333'

/** The provider role the installer runs as. */
export const PROVIDER_INSTALLER_ROLE_NAME = 'RH-Managed-OpenShift-Installer'

/** The provider's RH-Managed-OpenShift-Installer role ARN in `account`. */
export function providerInstallerRoleArn(account: string): string {
  return `arn:aws:iam::${account}:role/${PROVIDER_INSTALLER_ROLE_NAME}`
}

/** How the provider's tooling (installer, operator host) reaches one cluster: the server, who it runs as, which cluster. */
export interface ProviderClusterOptions {
  readonly endpoint: string
  readonly region: string
  /** Credentials of a provider-account principal allowed to assume RH-Managed-OpenShift-Installer. */
  readonly providerCredentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
  readonly providerAccount: string
  /** The cluster's OCM id or name. */
  readonly clusterId: string
  /** Echoes each progress or log line locally too. */
  readonly echo?: (line: string) => void
}

/** The provider role support engineers work as. */
export const PROVIDER_SUPPORT_ROLE_NAME = 'RH-Technical-Support-Access'

/** A provider role: its name and what its inline policy allows. */
interface ProviderRole {
  readonly name: string
  readonly description: string
  readonly policy: Record<string, unknown>
}

const assumeAnyRole = {
  Sid: 'AssumeCustomerRoles',
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Resource: 'arn:aws:iam::*:role/*',
}

/** The provider's roles: the installer (assumes customer Installer roles, reports to the cluster service) and support. */
export const PROVIDER_ROLES: readonly ProviderRole[] = [
  {
    name: PROVIDER_INSTALLER_ROLE_NAME,
    description:
      'The managed-service installer: assumes customer Installer roles and reports install progress',
    policy: {
      Version: '2012-10-17',
      Statement: [
        assumeAnyRole,
        {
          Sid: 'ReportProgress',
          Effect: 'Allow',
          Action: ['clusters:GetCluster', 'clusters:UpdateClusterStatus', 'clusters:GetClusterInstallLogs'],
          Resource: 'arn:aws:clusters:*:*:cluster/*',
        },
        {
          // The operators of clusters with a managed OIDC configuration get their tokens from the cluster service.
          Sid: 'OperatorTokens',
          Effect: 'Allow',
          Action: 'clusters:CreateServiceAccountToken',
          Resource: 'arn:aws:clusters:*:*:cluster/*',
        },
      ],
    },
  },
  {
    name: PROVIDER_SUPPORT_ROLE_NAME,
    description: 'Managed-service support engineers: assume customer Support roles',
    policy: {
      Version: '2012-10-17',
      Statement: [
        assumeAnyRole,
        {
          Sid: 'ReadClusters',
          Effect: 'Allow',
          Action: 'clusters:GetCluster',
          Resource: 'arn:aws:clusters:*:*:cluster/*',
        },
      ],
    },
  },
]

/** The trust every provider role has: principals of the provider account that are allowed to assume it. */
const accountTrust = (account: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' },
    ],
  })

/**
 * Creates (or brings up to date) the provider's roles with IAM calls made as the provider account's admin.
 * Idempotent: an existing role gets its trust and inline policy written again.
 */
export async function ensureProviderRoles(
  iam: IAMClient,
  account: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const arns: string[] = []
  for (const role of PROVIDER_ROLES) {
    const trust = accountTrust(account)
    const existing = await iam
      .send(new GetRoleCommand({ RoleName: role.name }))
      .then((r) => r.Role)
      .catch((error: { name?: string }) => {
        if (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity') return undefined
        throw error
      })
    if (existing === undefined) {
      await iam.send(
        new CreateRoleCommand({
          RoleName: role.name,
          AssumeRolePolicyDocument: trust,
          Description: role.description,
          Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
        }),
      )
      log(`created role ${role.name}`)
    } else {
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: role.name, PolicyDocument: trust }))
      log(`role ${role.name} exists; trust rewritten`)
    }
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: role.name,
        PolicyName: `${role.name}-Policy`,
        PolicyDocument: JSON.stringify(role.policy),
      }),
    )
    arns.push(`arn:aws:iam::${account}:role/${role.name}`)
  }
  return arns
}
