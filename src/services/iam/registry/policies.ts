import type { Operation } from '../../operation.js'

/** Managed policies and versions, attachments, inline policies and permissions boundaries. */
export const POLICY_OPERATIONS: Readonly<Record<string, Operation>> = {}
