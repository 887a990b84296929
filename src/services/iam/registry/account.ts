import type { Operation } from '../../operation.js'

/** Tags, policy simulation, account summary, authorization details and aliases. */
export const ACCOUNT_OPERATIONS: Readonly<Record<string, Operation>> = {}
