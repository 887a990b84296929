import type { Operation } from '../../operation.js'
import { contextKeysOf } from '../simulation/context-keys-of.js'
import { inputPolicies } from '../simulation/simulation-request.js'

/** IAM GetContextKeysForCustomPolicy: the context keys of the submitted policies. */
export const getContextKeysForCustomPolicy: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:GetContextKeysForCustomPolicy', resource: '*' }]
  },
  async run(_ctx, input) {
    return contextKeysOf(inputPolicies(input.PolicyInputList, 'PolicyInputList'))
  },
}
