import type { RoleRecord } from '../../../store/index.js'
import type { Operation, OperationContext } from '../../operation.js'
import { noSuchRole } from '../errors.js'
import { findRole, roleAuthorization, shownRole } from '../role-access.js'

/** The role found while authorizing, by request input: a read-only call need not read it twice. */
const found = new WeakMap<Record<string, unknown>, Promise<RoleRecord | undefined>>()

const roleOf = (ctx: OperationContext, input: Record<string, unknown>) => {
  let role = found.get(input)
  if (role === undefined) {
    role = findRole(ctx, input.RoleName)
    found.set(input, role)
  }
  return role
}

/** IAM GetRole: the role with its trust policy (URL-encoded), boundary, tags and RoleLastUsed. */
export const getRole: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [
      await roleAuthorization(ctx, 'iam:GetRole', input.RoleName, {
        boundaryKey: true,
        role: roleOf(ctx, input),
      }),
    ]
  },
  async run(ctx, input) {
    const role = await roleOf(ctx, input)
    if (role === undefined) throw noSuchRole(String(input.RoleName))
    return { Role: await shownRole(ctx, role, 'get') }
  },
}
