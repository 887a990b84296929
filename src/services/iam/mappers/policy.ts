import type { AttachmentRecord, ManagedPolicyView, PolicyVersionRecord } from '../../../store/index.js'
import { encodePolicyDocument } from '../policy-documents.js'
import { toTagShapes } from './tags.js'

/**
 * A managed policy → the IAM `Policy` shape.
 * AWS: ListPolicies omits Description and Tags; CreatePolicy and GetPolicy carry them when set.
 */
export function toPolicyShape(policy: ManagedPolicyView, options: { readonly list?: boolean } = {}) {
  const full = options.list !== true
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: policy.attachmentCount,
    PermissionsBoundaryUsageCount: policy.permissionsBoundaryUsageCount,
    IsAttachable: true,
    ...(full && policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: policy.createdAt,
    UpdateDate: policy.updatedAt,
    ...(full && policy.tags.length > 0 ? { Tags: toTagShapes(policy.tags) } : {}),
  }
}

/** A policy version → `PolicyVersion`; AWS: the document (URL-encoded) only where asked for. */
export function toPolicyVersionShape(
  version: PolicyVersionRecord,
  options: { readonly document?: boolean } = {},
) {
  return {
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefault,
    CreateDate: version.createdAt,
    ...(options.document === true ? { Document: encodePolicyDocument(version.document) } : {}),
  }
}

/** An attachment → the `AttachedPolicy` shape. */
export const toAttachedPolicyShape = (attachment: AttachmentRecord) => ({
  PolicyName: attachment.policyName,
  PolicyArn: attachment.policyArn,
})
