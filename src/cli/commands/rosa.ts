import type { Command } from 'commander'
import { registerRosaAccountRoles } from './rosa-account-roles.js'
import { registerRosaDescribe } from './rosa-describe.js'
import { ROSA_EXTENSIONS } from './rosa-extensions.js'
import { createRosaGroups, type RosaCommandGroups } from './rosa-groups.js'
import { registerRosaList } from './rosa-list.js'
import { registerRosaOidc } from './rosa-oidc.js'
import { registerRosaOperatorRoles } from './rosa-operator-roles.js'
import { registerRosaVerify } from './rosa-verify.js'

/** Registers `lanyard rosa`, its own subcommands and those of ROSA_EXTENSIONS. */
export function registerRosa(program: Command): void {
  const groups = createRosaGroups(program)
  registerRosaAccountRoles(groups)
  registerRosaOidc(groups)
  registerRosaOperatorRoles(groups)
  registerRosaList(groups)
  registerRosaDescribe(groups)
  registerRosaVerify(groups)
  for (const register of ROSA_EXTENSIONS) register(groups)
}

export type { RosaCommandGroups }
