import type { Command } from 'commander'
import { addAccount, type NewAccount } from '../../app.js'
import {
  appendCredentialsProfile,
  credentialsFile,
  PROFILE,
  resolveConfig,
  type ServerFlags,
} from '../../server/index.js'

/** The flags of `lanyard accounts create`. */
export interface CreateAccountFlags extends ServerFlags {
  readonly id?: string
  readonly name?: string
}

/** The profile a new account's admin gets in the credentials file. */
export const accountProfile = (accountId: string): string => `${PROFILE}-${accountId}`

/**
 * Creates an account with its admin user and key, appends the key to the data dir's credentials file as
 * profile `lanyard-<id>`, and prints what it made. The CLI may not import the store, so it goes through
 * app.ts's `addAccount`, which opens the same store the server uses.
 */
export async function runCreateAccount(
  flags: CreateAccountFlags,
  out: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NewAccount & { readonly profile: string; readonly file: string }> {
  const config = resolveConfig(flags, env)
  const account = await addAccount(
    config,
    Object.assign(
      {},
      flags.id !== undefined ? { id: flags.id } : {},
      flags.name !== undefined ? { name: flags.name } : {},
    ),
  )
  const profile = accountProfile(account.accountId)
  const file = credentialsFile(config.dataDir)
  await appendCredentialsProfile(file, profile, account)
  const lines = [
    `Account:     ${account.accountId} (${account.accountName})`,
    `Admin:       arn:aws:iam::${account.accountId}:user/${account.userName}`,
    `Access key:  ${account.accessKeyId}`,
    `Credentials: ${file} (profile ${profile})`,
    '',
    'Try:',
    `  AWS_PROFILE=${profile} aws sts get-caller-identity   # after eval "$(lanyard env)"`,
    '',
  ]
  out.write(`${lines.join('\n')}\n`)
  return Object.assign({}, account, { profile, file })
}

/** Registers `lanyard accounts` and its `create` subcommand. */
export function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description('manage the AWS accounts Lanyard serves')
  accounts
    .command('create')
    .description('create an account with its own admin user and access key (profile lanyard-<id>)')
    .option('--id <accountId>', 'the 12-digit account id (random when absent)')
    .option('--name <name>', 'the account name (account-<id> when absent)')
    .option('--data-dir <dir>', 'where state is kept (LANYARD_DATA_DIR; default ./.lanyard)')
    .action(async (flags: CreateAccountFlags) => {
      try {
        await runCreateAccount(flags, process.stdout)
      } catch (error) {
        const code = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : ''
        process.stderr.write(
          `lanyard accounts create: ${code}${error instanceof Error ? error.message : error}\n`,
        )
        process.exitCode = 1
      }
    })
}
