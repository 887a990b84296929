import type { Command } from 'commander'

/** The `lanyard rosa` command and its verb groups, as rosa arranges them (`rosa create account-roles`). */
export interface RosaCommandGroups {
  /** `lanyard rosa` itself (for top-level verbs such as `init` and `logs`). */
  readonly rosa: Command
  readonly create: Command
  readonly list: Command
  readonly describe: Command
  readonly delete: Command
  readonly upgrade: Command
  readonly verify: Command
}

/** Creates `lanyard rosa` and its empty verb groups on the program. */
export function createRosaGroups(program: Command): RosaCommandGroups {
  const rosa = program
    .command('rosa')
    .description(
      'the customer side of the ROSA STS workflow: account roles, OIDC configuration, operator roles',
    )
  return {
    rosa,
    create: rosa.command('create').description('create ROSA resources'),
    list: rosa.command('list').description('list ROSA resources'),
    describe: rosa.command('describe').description('describe a ROSA resource'),
    delete: rosa.command('delete').description('delete ROSA resources'),
    upgrade: rosa.command('upgrade').description('upgrade ROSA resources to a newer policy set'),
    verify: rosa.command('verify').description('verify AWS permissions'),
  }
}
