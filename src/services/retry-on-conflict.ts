import type { AwsError } from '../kernel/aws-error.js'
import { StoreConflict } from '../store/index.js'
import type { Operation } from './operation.js'

/** How many times a call that lost a write race is run. */
const ATTEMPTS = 5

/**
 * The operation, its `run` re-run when a concurrent writer changed the resource first (`StoreConflict` from a
 * revision check). `run` reads what it changes afresh each time, so a re-run sees the winner's write. After the
 * last attempt the conflict becomes `exhausted()`.
 */
export function retryOnConflict(operation: Operation, exhausted: () => AwsError): Operation {
  const run: Operation['run'] = async (ctx, input) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation.run(ctx, input)
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error
        if (attempt >= ATTEMPTS) throw exhausted()
      }
    }
  }
  return Object.assign({}, operation, { run })
}

/** Every operation of a service wrapped by `retryOnConflict`. */
export function retryingOperations(
  operations: Readonly<Record<string, Operation>>,
  exhausted: () => AwsError,
): Record<string, Operation> {
  return Object.fromEntries(
    Object.entries(operations).map(([name, op]) => [name, retryOnConflict(op, exhausted)]),
  )
}
