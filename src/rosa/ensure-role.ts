import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetRoleCommand,
  PutRolePermissionsBoundaryCommand,
  type Role,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam'
import type { EnsureOutcome } from './ensure-policy.js'
import { samePolicyDocument } from './render-template.js'
import { isAwsError, type RosaClients, type RosaTag } from './rosa-clients.js'

/** A role rosa keeps in step with its data set. */
export interface RoleWanted {
  readonly name: string
  readonly path: string
  readonly trustPolicy: string
  readonly tags: readonly RosaTag[]
  readonly permissionsBoundary?: string
}

/** The role, when it exists (iam:GetRole). */
export async function findRole(clients: RosaClients, name: string): Promise<Role | undefined> {
  try {
    return (await clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role
  } catch (error) {
    if (isAwsError(error, 'NoSuchEntity')) return undefined
    throw error
  }
}

/**
 * Creates the role, or brings an existing one in line: refuses a different path, sets or removes the permissions
 * boundary, rewrites a different trust policy, and re-tags it.
 */
export async function ensureRole(
  clients: RosaClients,
  wanted: RoleWanted,
): Promise<{ arn: string; outcome: EnsureOutcome }> {
  const { iam } = clients
  const existing = await findRole(clients, wanted.name)
  if (existing === undefined) {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: wanted.name,
        Path: wanted.path,
        AssumeRolePolicyDocument: wanted.trustPolicy,
        Tags: [...wanted.tags],
        ...(wanted.permissionsBoundary ? { PermissionsBoundary: wanted.permissionsBoundary } : {}),
      }),
    )
    return { arn: created.Role?.Arn ?? '', outcome: 'created' }
  }
  if (existing.Path !== wanted.path) {
    throw new Error(
      `role ${wanted.name} exists with path ${existing.Path}, not ${wanted.path}: delete it or rerun with --path ${existing.Path}`,
    )
  }
  let outcome: EnsureOutcome = 'unchanged'
  const boundary = existing.PermissionsBoundary?.PermissionsBoundaryArn
  if (wanted.permissionsBoundary && boundary !== wanted.permissionsBoundary) {
    await iam.send(
      new PutRolePermissionsBoundaryCommand({
        RoleName: wanted.name,
        PermissionsBoundary: wanted.permissionsBoundary,
      }),
    )
    outcome = 'updated'
  } else if (!wanted.permissionsBoundary && boundary) {
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: wanted.name }))
    outcome = 'updated'
  }
  if (!samePolicyDocument(existing.AssumeRolePolicyDocument ?? '{}', wanted.trustPolicy)) {
    await iam.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: wanted.name, PolicyDocument: wanted.trustPolicy }),
    )
    outcome = 'updated'
  }
  await iam.send(new TagRoleCommand({ RoleName: wanted.name, Tags: [...wanted.tags] }))
  return { arn: existing.Arn ?? '', outcome }
}

/** iam:AttachRolePolicy (idempotent in IAM). */
export async function attachPolicy(clients: RosaClients, roleName: string, policyArn: string): Promise<void> {
  await clients.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }))
}
