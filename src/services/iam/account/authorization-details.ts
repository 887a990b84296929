import type {
  GroupRecord,
  ManagedPolicyView,
  PrincipalRef,
  Repositories,
  RoleRecord,
  UserRecord,
} from '../../../store/index.js'
import { groupArn, roleArn, userArn } from '../arns.js'
import { toInstanceProfileShape } from '../mappers/instance-profile.js'
import { toAttachedPolicyShape, toPolicyVersionShape } from '../mappers/policy.js'
import { toRoleShape } from '../mappers/role.js'
import { toTagShapes } from '../mappers/tags.js'
import { encodePolicyDocument } from '../policy-documents.js'
import { presentTrustPolicy } from '../trust-policy.js'

/** One entity of a GetAccountAuthorizationDetails listing, before it is shaped. */
export type DetailEntry =
  | { readonly kind: 'User'; readonly user: UserRecord }
  | { readonly kind: 'Group'; readonly group: GroupRecord }
  | { readonly kind: 'Role'; readonly role: RoleRecord }
  | { readonly kind: 'Policy'; readonly policy: ManagedPolicyView }

const boundaryShape = (arn: string | undefined) =>
  arn === undefined
    ? {}
    : {
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
          PermissionsBoundaryArn: arn,
        },
      }

async function policiesOf(store: Repositories, owner: PrincipalRef) {
  const [inline, attached] = await Promise.all([
    store.inlinePolicies.list(owner),
    store.attachments.listForPrincipal(owner),
  ])
  return {
    inline: inline.map((p) => ({ PolicyName: p.name, PolicyDocument: encodePolicyDocument(p.document) })),
    attached: attached.map(toAttachedPolicyShape),
  }
}

/** The UserDetail, GroupDetail, RoleDetail or ManagedPolicyDetail of one entry. */
export async function detailOf(store: Repositories, entry: DetailEntry): Promise<Record<string, unknown>> {
  switch (entry.kind) {
    case 'User': {
      const { user } = entry
      const [{ inline, attached }, groups] = await Promise.all([
        policiesOf(store, { kind: 'user', id: user.id }),
        store.groups.listForUser(user.id),
      ])
      return {
        Path: user.path,
        UserName: user.name,
        UserId: user.id,
        Arn: userArn(user.accountId, user.path, user.name),
        CreateDate: user.createdAt,
        UserPolicyList: inline,
        GroupList: groups.map((g) => g.name),
        AttachedManagedPolicies: attached,
        ...boundaryShape(user.permissionsBoundaryArn),
        Tags: toTagShapes(user.tags),
      }
    }
    case 'Group': {
      const { group } = entry
      const { inline, attached } = await policiesOf(store, { kind: 'group', id: group.id })
      return {
        Path: group.path,
        GroupName: group.name,
        GroupId: group.id,
        Arn: groupArn(group.accountId, group.path, group.name),
        CreateDate: group.createdAt,
        GroupPolicyList: inline,
        AttachedManagedPolicies: attached,
      }
    }
    case 'Role':
      return roleDetail(store, entry.role)
    case 'Policy': {
      const { policy } = entry
      const versions = await store.policies.listVersions(policy.id)
      return {
        PolicyName: policy.name,
        PolicyId: policy.id,
        Arn: policy.arn,
        Path: policy.path,
        DefaultVersionId: policy.defaultVersionId,
        AttachmentCount: policy.attachmentCount,
        PermissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount,
        IsAttachable: true,
        ...(policy.description !== undefined ? { Description: policy.description } : {}),
        CreateDate: policy.createdAt,
        UpdateDate: policy.updatedAt,
        PolicyVersionList: versions.map((v) => toPolicyVersionShape(v, { document: true })),
      }
    }
  }
}

async function roleDetail(store: Repositories, role: RoleRecord): Promise<Record<string, unknown>> {
  const [{ inline, attached }, trust, profiles] = await Promise.all([
    policiesOf(store, { kind: 'role', id: role.id }),
    presentTrustPolicy(store, role.trustPolicy),
    store.instanceProfiles.listForRole(role.id),
  ])
  const profileShapes = []
  for (const profile of profiles) {
    const roles = []
    for (const id of profile.roleIds) {
      const member = await store.roles.get(id)
      if (member) roles.push(toRoleShape(member, await presentTrustPolicy(store, member.trustPolicy), 'list'))
    }
    profileShapes.push(toInstanceProfileShape(profile, roles, true))
  }
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: roleArn(role.accountId, role.path, role.name),
    CreateDate: role.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(trust),
    InstanceProfileList: profileShapes,
    RolePolicyList: inline,
    AttachedManagedPolicies: attached,
    ...boundaryShape(role.permissionsBoundaryArn),
    Tags: toTagShapes(role.tags),
    RoleLastUsed:
      role.lastUsedAt === undefined
        ? {}
        : { LastUsedDate: role.lastUsedAt, ...(role.lastUsedRegion ? { Region: role.lastUsedRegion } : {}) },
  }
}
