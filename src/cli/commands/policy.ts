import type { Command } from 'commander'
import { registerPolicyEvaluate } from './policy-evaluate.js'
import { registerPolicySummarize } from './policy-summarize.js'
import { registerPolicyValidate } from './policy-validate.js'

/** A `lanyard policy <sub>` command. */
export type RegisterPolicyCommand = (policy: Command) => void

/** The `lanyard policy` subcommands; each lives in its own policy-<name>.ts file. */
const SUBCOMMANDS: readonly RegisterPolicyCommand[] = [
  registerPolicyEvaluate,
  registerPolicySummarize,
  registerPolicyValidate,
]

/** Registers `lanyard policy` and its subcommands. */
export function registerPolicy(program: Command): void {
  const policy = program
    .command('policy')
    .description('validate, evaluate and summarize IAM policy documents')
  for (const register of SUBCOMMANDS) register(policy)
}
