import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { startApp } from '../../app.js'
import { resolveConfig } from '../../server/index.js'
import { lanyardClientConfig } from './client-config.js'
import { STORY, tellStory } from './demo-story.js'
import { credentialsOf, readTrail, type TrailCredential } from './demo-trail.js'
import { providerAdminConfig } from './rosa-provider.js'

/** The flags of `lanyard demo`. */
export interface DemoFlags {
  /** Keep the state here; a temporary directory (removed afterwards) by default. */
  readonly dataDir?: string
}

const REGION = 'us-east-1'

/** `arn:aws:sts::000000000000:assumed-role/R/s` → `000000000000 assumed-role/R/s`. */
const short = (arn: string): string => arn.replace(/^arn:aws:(?:iam|sts)::(\d{12}):/, '$1 ')

/** One narration line per session: who assumed which role, for how long, and what the session did. */
function sessionLine(c: TrailCredential): string {
  const a = c.assumed!
  const denied = c.denied.length === 0 ? '' : ` — denied: ${[...new Set(c.denied)].join(', ')}`
  return `  ${short(a.by)} → ${a.roleArn.split('/').pop()} for ${a.seconds / 60} min (${c.accessKeyId}): ${c.allowed} allowed, ${c.denied.length} denied${denied}`
}

/** Narrates the audit trail since `since`: the sessions, then the long-term keys and what they were used for. */
async function tellTrail(
  endpoint: string,
  env: NodeJS.ProcessEnv,
  since: Date,
  say: (line: string) => void,
): Promise<void> {
  say('== The audit trail of this run (CloudTrail LookupEvents in the customer and the provider account)')
  const admins = [
    lanyardClientConfig({}, env).credentials,
    providerAdminConfig({}, STORY.provider, env).credentials,
  ]
  const credentials = credentialsOf(await readTrail(endpoint, REGION, admins, since))
  const sessions = credentials.filter((c) => c.assumed !== undefined)
  say('Who assumed which role, for how long, and what each session did:')
  for (const c of sessions) say(sessionLine(c))
  const longTerm = credentials.filter((c) => c.accessKeyId.startsWith('AKIA'))
  say('Long-term keys (AKIA):')
  for (const c of longTerm)
    say(`  ${short(c.principal)} (${c.accessKeyId}): ${c.allowed + c.denied.length} calls`)
  const providerAdmin = longTerm.find((c) => c.principal.includes(`::${STORY.provider}:`))
  if (providerAdmin !== undefined) {
    const hops = [...providerAdmin.calls].filter((a) => a.startsWith('sts:AssumeRole'))
    say(
      hops.length === 0
        ? "  the provider admin's key only set the provider up (rosa init); the provider's services started from web identity"
        : `  the provider admin's key also made: ${hops.join(', ')}`,
    )
  }
  const temporary = sessions.every((c) => c.accessKeyId.startsWith('ASIA'))
  const calls = sessions.reduce((n, c) => n + c.allowed + c.denied.length, 0)
  say(
    `The provider's installer, its support engineers and the operators made ${calls} calls, ${temporary ? 'all' : 'NOT all'} with temporary ASIA session keys.`,
  )
}

/**
 * Runs `lanyard demo`: starts a Lanyard server on a free port and a fresh data dir, tells the ROSA story against it
 * and narrates it from the audit trail; stops the server (and removes a temporary data dir) at the end.
 */
export async function runDemo(flags: DemoFlags, say: (line: string) => void): Promise<void> {
  const started = Date.now()
  const dataDir = flags.dataDir ?? (await mkdtemp(join(tmpdir(), 'lanyard-demo-')))
  await mkdir(dataDir, { recursive: true })
  const app = await startApp(
    resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, { LANYARD_LOG_LEVEL: 'warn' }),
  )
  try {
    say(`== Lanyard listening on ${app.url}, data in ${dataDir}${flags.dataDir ? '' : ' (temporary)'}`)
    const env = { AWS_ENDPOINT_URL: app.url, LANYARD_DATA_DIR: dataDir, AWS_REGION: REGION }
    await tellStory({ endpoint: app.url, region: REGION, env, say })
    await app.flushAudit()
    // CloudTrail event times are whole seconds.
    await tellTrail(app.url, env, new Date(Math.floor(started / 1000) * 1000), say)
    say(`Demo finished in ${Math.round((Date.now() - started) / 1000)} s.`)
  } finally {
    await app.stop()
    if (flags.dataDir === undefined) await rm(dataDir, { recursive: true, force: true })
  }
}

/** Registers `lanyard demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'run the whole ROSA story on a fresh server and data dir, and narrate it from the audit trail',
    )
    .option(
      '--data-dir <dir>',
      'keep the state in this directory (a temporary one, removed afterwards, by default)',
    )
    .action(async (flags: DemoFlags) => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
      try {
        await runDemo(flags, (line) => process.stdout.write(`${line}\n`))
      } catch (error) {
        const e = error as Error
        process.stderr.write(
          `lanyard demo: ${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}\n`,
        )
        process.exitCode = 1
      }
    })
}
