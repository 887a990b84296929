import { spawn } from 'node:child_process'
import { DEFAULT_PROVIDER_ACCOUNT, openSupportSession, type SupportSession } from '../../rosa/index.js'
import { lanyardClientConfig } from './client-config.js'
import { type ProviderFlags, providerConfig, providerOf } from './rosa-cluster.js'
import { runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa support-session`. */
export interface SupportSessionFlags extends ProviderFlags {
  readonly cluster: string
  readonly engineer: string
}

/** Runs `lanyard rosa support-session -c ID`: the customer Support role's session, as the provider's support. */
export function runSupportSession(
  flags: SupportSessionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SupportSession> {
  const config = lanyardClientConfig(flags, env)
  return openSupportSession({
    endpoint: config.endpoint,
    region: config.region,
    providerCredentials: providerConfig(flags, providerOf(flags), env).credentials,
    providerAccount: providerOf(flags),
    clusterId: flags.cluster,
    engineer: flags.engineer,
  })
}

/** The shell lines that put a session's credentials in the environment. */
export function exportLines(session: SupportSession): string[] {
  const c = session.credentials
  return [
    `# ${session.roleArn} for cluster ${session.cluster}, until ${c.expiration.toISOString()}`,
    `export AWS_ACCESS_KEY_ID=${c.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`,
    `export AWS_SESSION_TOKEN=${c.sessionToken}`,
  ]
}

/** Registers `lanyard rosa support-session -c ID [--engineer NAME] [-- command …]`. */
export function registerRosaSupport(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.rosa
      .command('support-session')
      .description(
        "as the provider's support, assume a cluster's Support role: print its credentials or run a command",
      )
      .argument('[command...]', 'a command to run with the session credentials (after --)'),
  )
    .requiredOption('-c, --cluster <id>', 'the cluster id (support engineers reach clusters by id)')
    .option('--engineer <name>', 'who is asking (in the session name)', process.env.USER ?? 'support')
    .option('--provider-account <id>', 'the provider account id', DEFAULT_PROVIDER_ACCOUNT)
    .action((command: string[], flags: SupportSessionFlags) =>
      runRosaAction(
        'support-session',
        flags,
        async () => {
          const session = await runSupportSession(flags)
          if (command.length === 0) return session
          const c = session.credentials
          // The session's keys replace any profile the caller had selected.
          const { AWS_PROFILE: _profile, ...rest } = process.env
          const child = spawn(command[0]!, command.slice(1), {
            stdio: 'inherit',
            // `rest` is the destructuring's own copy of the environment; only static keys are set on it.
            env: Object.assign(rest, {
              AWS_ACCESS_KEY_ID: c.accessKeyId,
              AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
              AWS_SESSION_TOKEN: c.sessionToken,
            }),
          })
          process.exitCode = await new Promise<number>((resolve) =>
            child.on('exit', (code) => resolve(code ?? 1)),
          )
          return session
        },
        (session) => (command.length === 0 ? exportLines(session) : []),
      ),
    )
}
