import type { Operation } from '../../operation.js'
import { getUser } from '../operations/get-user.js'

/** Users, groups and membership, access keys, login profiles and MFA devices. */
export const USER_OPERATIONS: Readonly<Record<string, Operation>> = { GetUser: getUser }
