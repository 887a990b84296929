import type { Operation, OperationContext } from '../operation.js'
import { dryRunOperation } from './errors.js'

/**
 * The operation with EC2's DryRun: once authorization has allowed the call, `DryRun=true` answers
 * DryRunOperation (412) instead of running it. (A denied DryRun is UnauthorizedOperation, as any denial.)
 */
export function withDryRun(operation: Operation): Operation {
  return Object.assign({}, operation, {
    async run(ctx: OperationContext, input: Record<string, unknown>) {
      if (input.DryRun === true) throw dryRunOperation()
      return operation.run(ctx, input)
    },
  })
}
