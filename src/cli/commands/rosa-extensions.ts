import { registerRosaCluster } from './rosa-cluster.js'
import { registerRosaOperators } from './rosa-cluster-operators.js'
import { registerRosaSupport } from './rosa-cluster-support.js'
import type { RosaCommandGroups } from './rosa-groups.js'
import { registerRosaRevoke } from './rosa-revoke.js'

/** Adds subcommands to the `lanyard rosa` groups (e.g. `init`, `create cluster`, `logs`, `describe cluster`). */
export type RegisterRosaCommands = (groups: RosaCommandGroups) => void

/**
 * Subcommand sets registered from other files into `lanyard rosa`, in help order. A new set is one import and one
 * entry here; its file builds its commands on the groups it receives.
 */
export const ROSA_EXTENSIONS: readonly RegisterRosaCommands[] = [
  registerRosaCluster,
  registerRosaOperators,
  registerRosaSupport,
  registerRosaRevoke,
]
