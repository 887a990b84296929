import type { Operation } from '../../operation.js'
import { customPrincipal, runSimulation } from '../simulation/simulation-request.js'

/** IAM SimulateCustomPolicy: the submitted policies only, decided by the enforcing engine. */
export const simulateCustomPolicy: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:SimulateCustomPolicy', resource: '*' }]
  },
  async run(ctx, input) {
    const principal = customPrincipal(input.CallerArn, ctx.caller!.principal.account)
    return runSimulation({ principal, identity: [] }, input)
  },
}
