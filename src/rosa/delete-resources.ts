import {
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  type Role,
} from '@aws-sdk/client-iam'
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { DeleteSecretCommand } from '@aws-sdk/client-secrets-manager'
import { SECRET_PREFIX } from './oidc-config.js'
import { isAwsError, type RosaClients, type RosaLog } from './rosa-clients.js'

/** The instance profiles that hold a role (iam:ListInstanceProfilesForRole); false when the role does not exist. */
export async function roleInstanceProfiles(
  clients: RosaClients,
  roleName: string,
): Promise<string[] | false> {
  try {
    const listed = await clients.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName }))
    return (listed.InstanceProfiles ?? []).map((p) => p.InstanceProfileName ?? '')
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntity')) return false
    throw error
  }
}

/** Throws rosa's refusal when instance profiles still hold the role (the installer's profiles must be gone). */
export function refuseInstanceProfiles(roleName: string, profiles: readonly string[]): void {
  if (profiles.length > 0) {
    throw new Error(
      `role ${roleName} is still in instance profiles ${profiles.join(', ')}: delete the cluster (or remove the role from them) first`,
    )
  }
}

/**
 * Deletes a role as rosa `delete account-roles` does, refusing while instance profiles hold it: inline policies
 * first (AWSRevokeOlderSessions included, which rosa's `delete operator-roles` forgets), then detaches the managed
 * policies. Returns the detached policy ARNs; false when the role does not exist.
 */
export async function deleteRole(
  clients: RosaClients,
  roleName: string,
  log: RosaLog,
): Promise<string[] | false> {
  const { iam } = clients
  const profiles = await roleInstanceProfiles(clients, roleName)
  if (profiles === false) return false
  refuseInstanceProfiles(roleName, profiles)
  const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))
  for (const name of inline.PolicyNames ?? []) {
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name }))
    log(`deleted inline policy ${name} of ${roleName}`)
  }
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))
  const arns = (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? '')
  for (const arn of arns) await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }))
  await iam.send(new DeleteRoleCommand({ RoleName: roleName }))
  log(`deleted role ${roleName}`)
  return arns
}

/** Deletes a customer-managed policy tagged red-hat-managed=true that nothing uses any more (versions first). */
export async function deleteManagedPolicy(clients: RosaClients, arn: string, log: RosaLog): Promise<boolean> {
  const { iam } = clients
  if (arn.includes(':iam::aws:policy/')) return false
  let attachments: number
  try {
    attachments = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount ?? 0
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntity')) return false
    throw error
  }
  const tags = (await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags ?? []
  if (attachments > 0 || !tags.some((t) => t.Key === 'red-hat-managed' && t.Value === 'true')) return false
  const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? []
  for (const version of versions) {
    if (!version.IsDefaultVersion)
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: version.VersionId }))
  }
  await iam.send(new DeletePolicyCommand({ PolicyArn: arn }))
  log(`deleted policy ${arn}`)
  return true
}

/** Every role whose name starts with the prefix (iam:ListRoles, all pages). */
export async function listRolesNamed(clients: RosaClients, prefix: string): Promise<Role[]> {
  const roles: Role[] = []
  let marker: string | undefined
  do {
    const page = await clients.iam.send(new ListRolesCommand({ Marker: marker }))
    roles.push(...(page.Roles ?? []).filter((r) => r.RoleName?.startsWith(prefix)))
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker)
  return roles
}

/** A role's tags as a record (iam:ListRoleTags). */
export async function roleTags(clients: RosaClients, roleName: string): Promise<Record<string, string>> {
  const tags = (await clients.iam.send(new ListRoleTagsCommand({ RoleName: roleName }))).Tags ?? []
  return Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']))
}

/** Deletes an unmanaged OIDC configuration: the private-key secret (no recovery window), the objects, the bucket. */
export async function deleteOidcConfig(clients: RosaClients, id: string, log: RosaLog): Promise<void> {
  try {
    await clients.secrets.send(
      new DeleteSecretCommand({ SecretId: `${SECRET_PREFIX}${id}`, ForceDeleteWithoutRecovery: true }),
    )
    log(`deleted secret ${SECRET_PREFIX}${id}`)
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error
  }
  let token: string | undefined
  do {
    const page = await clients.s3.send(new ListObjectsV2Command({ Bucket: id, ContinuationToken: token }))
    for (const object of page.Contents ?? [])
      await clients.s3.send(new DeleteObjectCommand({ Bucket: id, Key: object.Key }))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  await clients.s3.send(new DeleteBucketCommand({ Bucket: id }))
  log(`deleted bucket ${id}`)
}
