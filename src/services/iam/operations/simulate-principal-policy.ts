import type { Operation } from '../../operation.js'
import { loadPrincipalSources } from '../simulation/principal-sources.js'
import { customPrincipal, runSimulation } from '../simulation/simulation-request.js'

/** IAM SimulatePrincipalPolicy: the stored policies of a user (with its groups), group or role, decided by the enforcing engine. */
export const simulatePrincipalPolicy: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [{ action: 'iam:SimulatePrincipalPolicy', resource: String(input.PolicySourceArn) }]
  },
  async run(ctx, input) {
    const account = ctx.caller!.principal.account
    const sources = await loadPrincipalSources(ctx.store, account, String(input.PolicySourceArn))
    const principal =
      typeof input.CallerArn === 'string' ? customPrincipal(input.CallerArn, account) : sources.principal
    return runSimulation(Object.assign({}, sources, { principal }), input)
  },
}
