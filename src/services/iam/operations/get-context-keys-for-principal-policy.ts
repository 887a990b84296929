import type { Operation } from '../../operation.js'
import { contextKeysOf } from '../simulation/context-keys-of.js'
import { loadPrincipalSources } from '../simulation/principal-sources.js'
import { inputPolicies } from '../simulation/simulation-request.js'

/** IAM GetContextKeysForPrincipalPolicy: the context keys of a principal's policies and the extra inputs. */
export const getContextKeysForPrincipalPolicy: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [{ action: 'iam:GetContextKeysForPrincipalPolicy', resource: String(input.PolicySourceArn) }]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const sources = await loadPrincipalSources(ctx.store, account, String(input.PolicySourceArn))
    return contextKeysOf([...sources.identity, ...inputPolicies(input.PolicyInputList, 'PolicyInputList')])
  },
}
