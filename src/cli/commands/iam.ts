import { IAMClient } from '@aws-sdk/client-iam'
import type { Command } from 'commander'
import { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy } from '../../policy/index.js'
import { revokeRoleSessions } from '../../rosa/index.js'
import type { ServerFlags } from '../../server/index.js'
import { lanyardClientConfig } from './client-config.js'
import { serverTime } from './server-time.js'

/** The flags of `lanyard iam revoke-sessions`. */
export interface RevokeSessionsFlags extends ServerFlags {
  readonly role: string
  /** Act in this account, with the `lanyard-<id>` profile `lanyard accounts create` wrote. */
  readonly account?: string
}

/**
 * Revokes every session of the role issued before now — the server's now, not this machine's (PutRolePolicy
 * AWSRevokeOlderSessions); returns the instant.
 */
export async function runRevokeSessions(
  flags: RevokeSessionsFlags,
  env: NodeJS.ProcessEnv = process.env,
  at?: Date,
): Promise<Date> {
  const scoped: NodeJS.ProcessEnv = { ...env }
  if (flags.account !== undefined && !env.AWS_PROFILE) scoped.AWS_PROFILE = `lanyard-${flags.account}`
  const config = lanyardClientConfig(flags, scoped, 'IAM')
  const now = at ?? (await serverTime(config.endpoint))
  const client = new IAMClient(config)
  try {
    await revokeRoleSessions(client, flags.role, now)
    return now
  } finally {
    client.destroy()
  }
}

/** Registers `lanyard iam` and its subcommands. */
export function registerIam(program: Command): void {
  const iam = program.command('iam').description('IAM tasks the console offers')
  iam
    .command('revoke-sessions')
    .description(
      `revoke the role's active sessions: sessions issued before now are denied everything (${REVOKE_POLICY_NAME})`,
    )
    .requiredOption('--role <name>', 'the role name')
    .option('--account <id>', 'the account (profile lanyard-<id>); the lanyard profile by default')
    .option('--host <host>', 'the server address (LANYARD_HOST), when AWS_ENDPOINT_URL is not set')
    .option('--port <port>', 'the server port (LANYARD_PORT), when AWS_ENDPOINT_URL is not set')
    .option('--data-dir <dir>', 'where the credentials file is (LANYARD_DATA_DIR)')
    .action(async (flags: RevokeSessionsFlags) => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
      try {
        const at = await runRevokeSessions(flags)
        process.stdout.write(`revoked sessions of role ${flags.role} issued before ${at.toISOString()}\n`)
      } catch (error) {
        process.stderr.write(
          `lanyard iam revoke-sessions: ${(error as Error).name}: ${(error as Error).message}\n`,
        )
        process.exitCode = 1
      }
    })
}

export { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy }
