import type { Command } from 'commander'
import { ROSA_EXTENSIONS } from './rosa-extensions.js'
import { createRosaGroups, type RosaCommandGroups } from './rosa-groups.js'

/** Registers `lanyard rosa`, its own subcommands and those of ROSA_EXTENSIONS. */
export function registerRosa(program: Command): void {
  const groups = createRosaGroups(program)
  for (const register of ROSA_EXTENSIONS) register(groups)
}

export type { RosaCommandGroups }
