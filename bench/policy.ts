/**
 * Policy benchmark: decide() over the ROSA 4.22 Installer workload, compiled and interpreted, on one thread,
 * then the same workload end to end through `lanyard policy evaluate --batch`. Prints one JSON object.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { compilePolicy } from '../src/policy/compile.js'
import { contextFrom } from '../src/policy/context.js'
import { decide } from '../src/policy/decide.js'
import type { Decision, EvaluablePolicy, PolicySet, RequestFacts } from '../src/policy/decision.js'
import type { PolicyDocument, PolicyKind } from '../src/policy/document.js'
import { interpretPolicy } from '../src/policy/interpret.js'
import { parsePolicy } from '../src/policy/parse.js'
import { principalFacts, withPrincipalContext } from '../src/policy/principal-facts.js'
import { buildWorkload, type Doc, type WorkloadRequest } from './policy-workload.js'

const REQUESTS = 10_000
const TARGET = 1_000_000
const CLI_LINES = Number(process.env.BENCH_CLI_LINES ?? 10_000)
const ROOT = fileURLToPath(new URL('..', import.meta.url))

type Build = (doc: PolicyDocument, kind: PolicyKind) => EvaluablePolicy

/** The workload as decide() inputs; one evaluable policy per distinct document, as a server's cache holds them. */
function prepare(
  workload: readonly WorkloadRequest[],
  build: Build,
): { request: RequestFacts; policies: PolicySet }[] {
  const cache = new Map<string, EvaluablePolicy>()
  const load = (doc: Doc, kind: PolicyKind) => {
    const key = `${kind}:${JSON.stringify(doc)}`
    let policy = cache.get(key)
    if (policy === undefined) {
      const parsed = parsePolicy(JSON.stringify(doc))
      if (!parsed.ok) throw new Error(`workload policy does not parse: ${JSON.stringify(parsed.issues)}`)
      policy = build(parsed.document, kind)
      cache.set(key, policy)
    }
    return policy
  }
  return workload.map((w) => {
    const raw = contextFrom(w.context)
    const principal = principalFacts(w.principal, raw)!
    const request: RequestFacts = {
      principal,
      action: w.action,
      resource: w.resource,
      resourceAccount: principal.account,
      context: withPrincipalContext(principal, raw),
    }
    const policies: PolicySet = {
      identity: w.identityPolicies.map((d) => load(d, 'identity')),
      boundaries: (w.permissionsBoundaries ?? []).map((d) => load(d, 'boundary')),
      session: (w.sessionPolicies ?? []).map((d) => load(d, 'session')),
      resource: null,
    }
    return { request, policies }
  })
}

/**
 * Times decide() in batches of `batch` decisions for about `seconds` after a timed warm-up; per-batch
 * ns/decision gives p50/p99. The interpreted form is slow enough to need small batches.
 */
function measure(inputs: ReturnType<typeof prepare>, seconds: number, batch: number) {
  let sink = 0
  let next = 0
  const run = () => {
    for (let i = 0; i < batch; i++) {
      const { request, policies } = inputs[next]!
      next = next + 1 === inputs.length ? 0 : next + 1
      sink += decide(request, policies).reasons.length
    }
  }
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(seconds * 0.25e9))
  while (process.hrtime.bigint() < warmUntil) run() // let the JIT settle
  const perBatch: number[] = []
  const cpu0 = process.cpuUsage()
  let total = 0n
  const budget = BigInt(Math.round(seconds * 1e9))
  while (total < budget) {
    const t0 = process.hrtime.bigint()
    run()
    const elapsed = process.hrtime.bigint() - t0
    total += elapsed
    perBatch.push(Number(elapsed) / batch)
  }
  const cpu = process.cpuUsage(cpu0)
  perBatch.sort((x, y) => x - y)
  const decisions = perBatch.length * batch
  return {
    decisions,
    batchSize: batch,
    decisionsPerSecond: Math.round(decisions / (Number(total) / 1e9)),
    // On a shared machine wall time includes other processes' time slices; CPU time does not.
    decisionsPerCpuSecond: Math.round(decisions / ((cpu.user + cpu.system) / 1e6)),
    p50NsPerDecision: round(perBatch[Math.floor(perBatch.length * 0.5)]!),
    p99NsPerDecision: round(perBatch[Math.min(perBatch.length - 1, Math.floor(perBatch.length * 0.99))]!),
    checksum: sink,
  }
}

/** Runs the CLI in batch mode over `lines` of the workload; returns the wall time and the response count. */
async function runCli(args: readonly string[], workload: readonly WorkloadRequest[], lines: number) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] })
  const t0 = process.hrtime.bigint()
  let count = 0
  let errors = 0
  let rest = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop()!
    count += parts.length
    for (const line of parts) if (line.includes('"error"')) errors++
  })
  for (let n = 0; n < lines; n++) {
    // Respect the pipe's backpressure, as any driver of the CLI must.
    if (!child.stdin.write(`${JSON.stringify(workload[n % workload.length])}\n`))
      await once(child.stdin, 'drain')
  }
  child.stdin.end()
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, count, errors, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }
}

/** The workload end to end through `lanyard policy evaluate --batch`, with the start-up time measured apart. */
async function measureCli(workload: readonly WorkloadRequest[]) {
  const built = existsSync(`${ROOT}dist/cli/commands/policy-evaluate.js`)
  const args = built
    ? ['dist/cli/main.js', 'policy', 'evaluate', '--batch']
    : ['--import', 'tsx', 'src/cli/main.ts', 'policy', 'evaluate', '--batch']
  const startup = await runCli(args, workload, 0)
  const run = await runCli(args, workload, CLI_LINES)
  const working = Math.max(run.seconds - startup.seconds, 1e-3)
  return {
    command: `node ${args.join(' ')}`,
    exitCode: run.code,
    lines: run.count,
    errorLines: run.errors,
    seconds: round(run.seconds),
    startupSeconds: round(startup.seconds),
    linesPerSecond: Math.round(run.count / run.seconds),
    linesPerSecondAfterStartup: Math.round(run.count / working),
    note: 'wall time; every line carries the full Installer policy text (about 6 KB)',
  }
}

function outcomes(inputs: ReturnType<typeof prepare>): Record<Decision['effect'], number> {
  const counts = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
  for (const { request, policies } of inputs) counts[decide(request, policies).effect]++
  return counts
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

const workload = buildWorkload(REQUESTS)
const compiled = prepare(workload, compilePolicy)
const interpreted = prepare(workload, interpretPolicy)
const fast = measure(compiled, 3, 1000)
const slow = measure(interpreted, 3, 10)
const cli = await measureCli(workload)
console.log(
  JSON.stringify(
    {
      benchmark: 'policy.decide',
      node: process.version,
      loadAverage: loadavg().map(round),
      cpus: availableParallelism(),
      workload: {
        requests: REQUESTS,
        identity: 'data/rosa/4.22/installer.permission-policy.json',
        boundary: 'data/rosa/4.22/worker.permission-policy.json on every third request',
        session: 'a network-only session policy with a conditional Deny on another third',
        outcomes: outcomes(compiled),
      },
      compiled: fast,
      interpreted: slow,
      compiledToInterpretedRatio: round(fast.decisionsPerSecond / slow.decisionsPerSecond),
      target: {
        decisionsPerSecond: TARGET,
        metByWallClock: fast.decisionsPerSecond >= TARGET,
        // The CPU-time rate is what one uncontended thread achieves; compare loadAverage with cpus.
        metByCpuTime: fast.decisionsPerCpuSecond >= TARGET,
      },
      cli,
    },
    null,
    2,
  ),
)
