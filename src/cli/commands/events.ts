import { setTimeout as sleep } from 'node:timers/promises'
import {
  CloudTrailClient,
  type Event,
  type LookupAttribute,
  LookupEventsCommand,
} from '@aws-sdk/client-cloudtrail'
import type { Command } from 'commander'
import type { ServerFlags } from '../../server/index.js'
import { lanyardClientConfig } from './client-config.js'
import { type EventsOutput, formatEvent, requestIdOf, tableHeader } from './event-format.js'

/** The flags of `lanyard events`. */
export interface EventsFlags extends ServerFlags {
  readonly follow?: boolean
  readonly max?: string
  readonly name?: string
  readonly user?: string
  readonly output?: string
}

/** Where `runEvents` writes, and how it is stopped and paced. */
export interface EventsIo {
  readonly out: NodeJS.WritableStream
  readonly env?: NodeJS.ProcessEnv
  /** Ends `--follow`. */
  readonly signal?: AbortSignal
  /** The `--follow` polling interval; one second by default. */
  readonly intervalMs?: number
}

/** How far back each `--follow` poll looks: covers the audit writer's one-second flush and slow requests. */
const FOLLOW_WINDOW_MS = 30_000

const windowStart = (): Date => new Date(Date.now() - FOLLOW_WINDOW_MS)

/** Prints the most recent events oldest first; with `follow`, then polls and prints each new event once. */
export async function runEvents(flags: EventsFlags, io: EventsIo): Promise<void> {
  const output = parseOutput(flags.output)
  const max = parseMax(flags.max)
  const client = new CloudTrailClient(lanyardClientConfig(flags, io.env, 'CLOUDTRAIL'))
  // CloudTrail takes one lookup attribute: the name goes to the server, the user is checked here as well.
  const attribute: LookupAttribute | undefined = flags.name
    ? { AttributeKey: 'EventName', AttributeValue: flags.name }
    : flags.user
      ? { AttributeKey: 'Username', AttributeValue: flags.user }
      : undefined
  const wanted = (event: Event) => flags.user === undefined || event.Username === flags.user
  const ownRequests = new Set<string>()
  const lookup = async (limit: number, startTime?: Date): Promise<Event[]> => {
    const events: Event[] = []
    let token: string | undefined
    do {
      const page = await client.send(
        new LookupEventsCommand({
          MaxResults: Math.min(50, limit - events.length),
          NextToken: token,
          ...(attribute ? { LookupAttributes: [attribute] } : {}),
          ...(startTime ? { StartTime: startTime } : {}),
        }),
        { abortSignal: io.signal },
      )
      if (page.$metadata.requestId) ownRequests.add(page.$metadata.requestId)
      events.push(...(page.Events ?? []))
      token = page.NextToken
    } while (token !== undefined && events.length < limit)
    // The follower's own LookupEvents calls are not news.
    return events.filter((event) => wanted(event) && !ownRequests.has(requestIdOf(event) ?? '')).reverse()
  }
  const print = (event: Event) => io.out.write(`${formatEvent(event, output)}\n`)
  try {
    if (output === 'table') io.out.write(`${tableHeader()}\n`)
    const seen = new Map<string, number>()
    const remember = (event: Event) => seen.set(event.EventId ?? '', event.EventTime?.getTime() ?? 0)
    // Older events of the window are not news either: only the --max most recent ones are shown.
    if (flags.follow)
      for (const event of await lookup(Number.POSITIVE_INFINITY, windowStart())) remember(event)
    for (const event of await lookup(max)) {
      remember(event)
      print(event)
    }
    while (flags.follow && io.signal?.aborted !== true) {
      await sleep(io.intervalMs ?? 1000, undefined, { signal: io.signal })
      const since = windowStart()
      for (const event of await lookup(Number.POSITIVE_INFINITY, since)) {
        if (seen.has(event.EventId ?? '')) continue
        remember(event)
        print(event)
      }
      for (const [id, at] of seen) if (at < since.getTime() - FOLLOW_WINDOW_MS) seen.delete(id)
    }
  } catch (error) {
    if (io.signal?.aborted !== true) throw error
  } finally {
    client.destroy()
  }
}

function parseOutput(value: string | undefined): EventsOutput {
  if (value === undefined || value === 'table' || value === 'json') return value ?? 'table'
  throw new Error(`--output must be json or table, not ${value}`)
}

function parseMax(value: string | undefined): number {
  const max = Number(value ?? 50)
  if (!Number.isInteger(max) || max < 1) throw new Error(`--max must be a positive integer, not ${value}`)
  return max
}

/** Registers `lanyard events`. */
export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('print the audit trail (CloudTrail LookupEvents), oldest first; --follow for new events')
    .option('-f, --follow', 'keep polling every second and print new events')
    .option('--max <n>', 'print at most the n most recent events first (default 50)')
    .option('--name <eventName>', 'only events of this API call (e.g. AssumeRole)')
    .option('--user <userName>', 'only events of this IAM user')
    .option('--output <format>', 'json (one CloudTrail record per line) or table', 'table')
    .option('--host <host>', 'the server address (LANYARD_HOST), when AWS_ENDPOINT_URL is not set')
    .option('--port <port>', 'the server port (LANYARD_PORT), when AWS_ENDPOINT_URL is not set')
    .option('--data-dir <dir>', 'where the credentials file is (LANYARD_DATA_DIR)')
    .action(async (flags: EventsFlags) => {
      // The SDK warns on Node 20 about its future releases; that is not the CLI user's concern.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
      const controller = new AbortController()
      const stop = () => controller.abort()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      try {
        await runEvents(flags, { out: process.stdout, signal: controller.signal })
      } catch (error) {
        process.stderr.write(`lanyard events: ${describe(error)}\n`)
        process.exitCode = 1
      } finally {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
      }
    })
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message
}
