import { AwsError } from '../../kernel/aws-error.js'
import { deleteConflict, limitExceeded, noSuchEntity } from './errors.js'

/** AWS: a managed policy that GetPolicy, DeletePolicy, the version calls and Detach* cannot find. */
export const policyNotFound = (arn: string): AwsError => noSuchEntity(`Policy ${arn} was not found.`)

/** AWS: a version of a managed policy that does not exist. */
export const policyVersionNotFound = (arn: string, versionId: string): AwsError =>
  noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`)

/** AWS: a missing inline policy (`user`, `group` or `role`). */
export const inlinePolicyNotFound = (kind: string, name: string): AwsError =>
  noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`)

/** AWS: a policy ARN that does not parse, answered as a model ValidationError. */
export const invalidArn = (): AwsError =>
  new AwsError('ValidationError', 400, 'Invalid ARN:  Could not be parsed!')

/** AWS: CreatePolicy with a name the account already uses (ignoring case). */
export const policyExists = (name: string): AwsError =>
  new AwsError(
    'EntityAlreadyExists',
    409,
    `A policy called ${name} already exists. Duplicate names are not allowed.`,
  )

/** AWS: DeletePolicy while the policy is attached or used as a permissions boundary. */
export const policyAttached = (): AwsError => deleteConflict('Cannot delete a policy attached to entities.')

/** AWS: DeletePolicy while non-default versions remain. */
export const policyHasVersions = (): AwsError =>
  deleteConflict(
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
  )

/** AWS: DeletePolicyVersion on the default version. */
export const defaultVersionDelete = (): AwsError =>
  deleteConflict('Cannot delete the default version of a policy.')

/** AWS: the sixth version of a managed policy. */
export const tooManyVersions = (): AwsError =>
  limitExceeded(
    'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
  )

/** AWS: more than ten managed policies on one user, group or role (`PoliciesPerUser` …). */
export const tooManyAttachments = (noun: string, limit: number): AwsError =>
  limitExceeded(`Cannot exceed quota for PoliciesPer${noun}: ${limit}`)

/** AWS: a permissions boundary ARN that names no managed policy. */
export const noSuchBoundaryPolicy = (arn: string): AwsError =>
  noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`)

/** AWS: policy changes to a service-linked role, which only its service may make. */
export const protectedRole = (name: string): AwsError =>
  new AwsError(
    'UnmodifiableEntity',
    400,
    `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`,
  )
