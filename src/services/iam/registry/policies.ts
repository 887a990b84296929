import type { Operation } from '../../operation.js'
import { attachPrincipalPolicy } from '../operations/attach-principal-policy.js'
import { createPolicy } from '../operations/create-policy.js'
import { createPolicyVersion } from '../operations/create-policy-version.js'
import { deletePermissionsBoundary } from '../operations/delete-permissions-boundary.js'
import { deletePolicy } from '../operations/delete-policy.js'
import { deletePolicyVersion } from '../operations/delete-policy-version.js'
import { deletePrincipalPolicy } from '../operations/delete-principal-policy.js'
import { detachPrincipalPolicy } from '../operations/detach-principal-policy.js'
import { getPolicy } from '../operations/get-policy.js'
import { getPolicyVersion } from '../operations/get-policy-version.js'
import { getPrincipalPolicy } from '../operations/get-principal-policy.js'
import { listAttachedPrincipalPolicies } from '../operations/list-attached-principal-policies.js'
import { listEntitiesForPolicy } from '../operations/list-entities-for-policy.js'
import { listPolicies } from '../operations/list-policies.js'
import { listPolicyTags } from '../operations/list-policy-tags.js'
import { listPolicyVersions } from '../operations/list-policy-versions.js'
import { listPrincipalPolicies } from '../operations/list-principal-policies.js'
import { putPermissionsBoundary } from '../operations/put-permissions-boundary.js'
import { putPrincipalPolicy } from '../operations/put-principal-policy.js'
import { setDefaultPolicyVersion } from '../operations/set-default-policy-version.js'
import { tagPolicy } from '../operations/tag-policy.js'
import { untagPolicy } from '../operations/untag-policy.js'

/** Managed policies and versions, attachments, inline policies and permissions boundaries. */
export const POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
  TagPolicy: tagPolicy,
  UntagPolicy: untagPolicy,
  ListPolicyTags: listPolicyTags,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  AttachUserPolicy: attachPrincipalPolicy('user'),
  AttachGroupPolicy: attachPrincipalPolicy('group'),
  AttachRolePolicy: attachPrincipalPolicy('role'),
  DetachUserPolicy: detachPrincipalPolicy('user'),
  DetachGroupPolicy: detachPrincipalPolicy('group'),
  DetachRolePolicy: detachPrincipalPolicy('role'),
  ListAttachedUserPolicies: listAttachedPrincipalPolicies('user'),
  ListAttachedGroupPolicies: listAttachedPrincipalPolicies('group'),
  ListAttachedRolePolicies: listAttachedPrincipalPolicies('role'),
  PutUserPolicy: putPrincipalPolicy('user'),
  PutGroupPolicy: putPrincipalPolicy('group'),
  PutRolePolicy: putPrincipalPolicy('role'),
  GetUserPolicy: getPrincipalPolicy('user'),
  GetGroupPolicy: getPrincipalPolicy('group'),
  GetRolePolicy: getPrincipalPolicy('role'),
  ListUserPolicies: listPrincipalPolicies('user'),
  ListGroupPolicies: listPrincipalPolicies('group'),
  ListRolePolicies: listPrincipalPolicies('role'),
  DeleteUserPolicy: deletePrincipalPolicy('user'),
  DeleteGroupPolicy: deletePrincipalPolicy('group'),
  DeleteRolePolicy: deletePrincipalPolicy('role'),
  PutUserPermissionsBoundary: putPermissionsBoundary('user'),
  PutRolePermissionsBoundary: putPermissionsBoundary('role'),
  DeleteUserPermissionsBoundary: deletePermissionsBoundary('user'),
  DeleteRolePermissionsBoundary: deletePermissionsBoundary('role'),
}
