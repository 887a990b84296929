import type { RoleRecord } from '../../../store/index.js'
import { roleArn } from '../arns.js'
import { encodePolicyDocument } from '../policy-documents.js'
import { toTagShapes } from './tags.js'

/** Which call a `Role` shape is for: list calls omit some members. */
export type RoleView = 'get' | 'create' | 'list'

/**
 * A role record → the IAM `Role` shape, with its trust policy as IAM shows it (see presentTrustPolicy).
 * AWS: ListRoles (and roles inside instance profiles) omit PermissionsBoundary, Tags and RoleLastUsed.
 */
export function toRoleShape(role: RoleRecord, trustPolicy: string, view: RoleView): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: roleArn(role.accountId, role.path, role.name),
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(trustPolicy),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
  }
  if (view === 'list') return shape
  if (role.permissionsBoundaryArn !== undefined)
    shape.PermissionsBoundary = {
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: role.permissionsBoundaryArn,
    }
  if (role.tags.length > 0) shape.Tags = toTagShapes(role.tags)
  if (view === 'get') shape.RoleLastUsed = toRoleLastUsed(role)
  return shape
}

/** AWS: GetRole always carries RoleLastUsed, empty until the role is first used. */
function toRoleLastUsed(role: RoleRecord): Record<string, unknown> {
  if (role.lastUsedAt === undefined) return {}
  return { LastUsedDate: role.lastUsedAt, ...(role.lastUsedRegion ? { Region: role.lastUsedRegion } : {}) }
}
