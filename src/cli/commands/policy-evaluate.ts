import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import type { Readable, Writable } from 'node:stream'
import type { Command } from 'commander'
import { type EvaluateOptions, evaluatePolicyRequest, LruPolicyCache } from '../../policy/index.js'

/** How many distinct policy documents a batch keeps compiled. */
const CACHE_CAPACITY = 512

interface EvaluateFlags {
  readonly batch?: boolean
  readonly interpreted?: boolean
}

/** Registers `lanyard policy evaluate [FILE] [--batch] [--interpreted]`. */
export function registerPolicyEvaluate(policy: Command): void {
  policy
    .command('evaluate')
    .description('decide one request against its policies as AWS would (JSON in, JSON out)')
    .argument('[file]', 'the request as JSON (default: stdin); with --batch, JSON Lines')
    .option('--batch', 'read one request per line, write one response line per request, in order')
    .option('--interpreted', 'interpret the policies instead of compiling them')
    .action(async (file: string | undefined, flags: EvaluateFlags) => {
      const input: Readable = file === undefined ? process.stdin : createReadStream(file)
      const options: EvaluateOptions = {
        compiled: !flags.interpreted,
        cache: new LruPolicyCache(CACHE_CAPACITY),
      }
      // A reader that goes away (`| head`) ends the output; that is not an error.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
        throw error
      })
      if (flags.batch) {
        await evaluateLines(input, process.stdout, options)
        return
      }
      const response = respond(await readAll(input), options)
      process.stdout.write(`${JSON.stringify(response, null, 2)}\n`)
      if ('error' in response) process.exitCode = 1
    })
}

/**
 * Evaluates JSON Lines from `input` and writes one response line per request to `output`, in order.
 * Streams: memory holds one input chunk and its responses; reading waits while `output` is full.
 */
export async function evaluateLines(
  input: Readable,
  output: Writable,
  options: EvaluateOptions,
): Promise<void> {
  input.setEncoding('utf8')
  let rest = ''
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk
    let out = ''
    let start = 0
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      out += respondLine(text.slice(start, newline), options)
      start = newline + 1
    }
    rest = text.slice(start)
    if (out !== '' && !output.write(out)) await once(output, 'drain')
  }
  const last = respondLine(rest, options)
  if (last !== '') output.write(last)
}

/** The response line of one input line; blank lines are not requests and get none. */
function respondLine(line: string, options: EvaluateOptions): string {
  if (line.trim() === '') return ''
  return `${JSON.stringify(respond(line, options))}\n`
}

function respond(text: string, options: EvaluateOptions) {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { name: null, error: `invalid JSON: ${(error as Error).message}` }
  }
  return evaluatePolicyRequest(json, options)
}

async function readAll(input: Readable): Promise<string> {
  input.setEncoding('utf8')
  let text = ''
  for await (const chunk of input as AsyncIterable<string>) text += chunk
  return text
}
