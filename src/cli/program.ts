import { Command } from 'commander'
import { COMMANDS } from './commands/index.js'

/** Builds the `lanyard` command line. */
export function buildProgram(): Command {
  const program = new Command('lanyard')
    .description('Self-hosted AWS-compatible IAM and STS with a faithful policy engine')
    .version('0.1.0')
  for (const register of COMMANDS) register(program)
  return program
}
