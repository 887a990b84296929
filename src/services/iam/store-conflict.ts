import type { AwsError } from '../../kernel/aws-error.js'
import { StoreConflict } from '../../store/index.js'

/** Awaits a store write, answering `error()` when it collides with a unique key. */
export async function orConflict<T>(work: Promise<T>, error: () => AwsError): Promise<T> {
  try {
    return await work
  } catch (caught) {
    if (caught instanceof StoreConflict) throw error()
    throw caught
  }
}
