import type { Operation } from '../../operation.js'
import { toPolicyShape } from '../mappers/policy.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

/** IAM GetPolicy: a managed policy (customer or AWS) with its counts and tags. */
export const getPolicy: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'GetPolicy', await policyTarget(ctx, input))]
  },
  async run(ctx, input) {
    return { Policy: toPolicyShape(requirePolicy(await policyTarget(ctx, input))) }
  },
}
