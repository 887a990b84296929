import type { Command } from 'commander'
import { registerPolicy } from './policy.js'

/** Adds one command (or command group) to the program. */
export type RegisterCommand = (program: Command) => void

/** Every top-level command, in help order. */
export const COMMANDS: readonly RegisterCommand[] = [registerPolicy]
