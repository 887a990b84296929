import type { Command } from 'commander'
import { registerAccounts } from './accounts.js'
import { registerCredentials } from './credentials.js'
import { registerDemo } from './demo.js'
import { registerEnv } from './env.js'
import { registerEvents } from './events.js'
import { registerIam } from './iam.js'
import { registerPolicy } from './policy.js'
import { registerRosa } from './rosa.js'
import { registerServer } from './server.js'

/** Adds one command (or command group) to the program. */
export type RegisterCommand = (program: Command) => void

/** Every top-level command, in help order. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerServer,
  registerEnv,
  registerEvents,
  registerAccounts,
  registerPolicy,
  registerIam,
  registerCredentials,
  registerRosa,
  registerDemo,
]
