import type { Operation } from '../../operation.js'

/** Roles, service-linked roles, instance profiles and OIDC providers. */
export const ROLE_OPERATIONS: Readonly<Record<string, Operation>> = {}
