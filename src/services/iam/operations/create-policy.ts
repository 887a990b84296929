import { ID_PREFIX, newUniqueId } from '../../../kernel/ids.js'
import { StoreConflict } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { requireRoomFor } from '../account-quotas.js'
import { policyArn } from '../arns.js'
import { policyExists } from '../errors-policies.js'
import { toPolicyShape } from '../mappers/policy.js'
import { requireValidPolicy } from '../policy-documents.js'
import { inputPolicyTags, mergePolicyTags, policyRequestTagContext } from '../policy-tags.js'

const pathOf = (input: Record<string, unknown>) => (typeof input.Path === 'string' ? input.Path : '/')

/** IAM CreatePolicy: a customer managed policy with version `v1` as its default. */
export const createPolicy: Operation = {
  async authorize(ctx, input) {
    const account = ctx.caller!.principal.account
    return [
      {
        action: 'iam:CreatePolicy',
        resource: policyArn(account, pathOf(input), String(input.PolicyName)),
        context: policyRequestTagContext(inputPolicyTags(input)),
      },
    ]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const name = String(input.PolicyName)
    const document = String(input.PolicyDocument)
    requireValidPolicy(document, 'identity', { managed: true })
    const tags = mergePolicyTags([], inputPolicyTags(input))
    await requireRoomFor(ctx.store, account, 'PoliciesPerAccount')
    try {
      const policy = await ctx.store.policies.insert({
        id: newUniqueId(ID_PREFIX.policy, ctx.random),
        accountId: account,
        arn: policyArn(account, pathOf(input), name),
        name,
        path: pathOf(input),
        ...(typeof input.Description === 'string' ? { description: input.Description } : {}),
        document,
        tags,
        createdAt: ctx.now,
      })
      return { Policy: toPolicyShape(policy) }
    } catch (error) {
      if (error instanceof StoreConflict) throw policyExists(name)
      throw error
    }
  },
}
