import type { Operation } from '../../operation.js'
import { policyNotFound, tooManyVersions } from '../errors-policies.js'
import { toPolicyVersionShape } from '../mappers/policy.js'
import { requireValidPolicy } from '../policy-documents.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** AWS: a managed policy keeps at most five versions. */
const MAX_VERSIONS = 5

/** IAM CreatePolicyVersion: version `v<next>`, made the default when `SetAsDefault`. */
export const createPolicyVersion: Operation = {
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'CreatePolicyVersion', await policyTarget(ctx, input), { write: true })]
  },
  async run(ctx, input) {
    const target = await policyTarget(ctx, input)
    const policy = requirePolicy(target)
    const document = String(input.PolicyDocument)
    requireValidPolicy(document, 'identity', { managed: true })
    const version = await ctx.store.transaction(async (tx) => {
      // Adding first locks the policy row, so the count below sees every concurrent writer's version.
      const added = await tx.policies.addVersion(policy.id, {
        document,
        setAsDefault: input.SetAsDefault === true,
        createdAt: ctx.now,
      })
      if ((await tx.policies.listVersions(policy.id)).length > MAX_VERSIONS) throw tooManyVersions()
      return added
    })
    if (version === undefined) throw policyNotFound(target.arn)
    return { PolicyVersion: toPolicyVersionShape(version) }
  },
}
