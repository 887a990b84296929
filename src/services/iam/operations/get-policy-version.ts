import type { Operation } from '../../operation.js'
import { policyVersionNotFound } from '../errors-policies.js'
import { toPolicyVersionShape } from '../mappers/policy.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM GetPolicyVersion: one version with its URL-encoded document. */
export const getPolicyVersion: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'GetPolicyVersion', await policyTarget(ctx, input))]
  },
  async run(ctx, input) {
    const target = await policyTarget(ctx, input)
    const versionId = String(input.VersionId)
    const version = await ctx.store.policies.getVersion(requirePolicy(target).id, versionId)
    if (version === undefined) throw policyVersionNotFound(target.arn, versionId)
    return { PolicyVersion: toPolicyVersionShape(version, { document: true }) }
  },
}
