import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/** A benchmark target running in a child process. */
export interface ChildTarget {
  readonly url: string
  /** The child's process id (for profilers). */
  readonly pid: number
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** Lanyard's data dir (SQLite file and master key), for seeding the store from the benchmark. */
  readonly dataDir?: string
  /** CPU time (user + system) the child has used so far, in milliseconds; undefined off Linux. */
  cpuMs(): number | undefined
  stop(): Promise<void>
}

/** Starts bench/server-child.ts with `kind` and waits for its JSON line. */
export async function startChild(kind: 'plain' | 'lanyard' | 'sigv4-floor'): Promise<ChildTarget> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      new URL('./server-child.ts', import.meta.url).pathname,
      kind,
    ],
    // The child stops when its stdin closes, so it never outlives this process.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const line = await firstLine(child)
  const started = JSON.parse(line) as Omit<ChildTarget, 'stop'>
  return {
    ...started,
    pid: child.pid!,
    cpuMs: () => cpuMs(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.stdin!.end()
      }),
  }
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => {
      lines.close()
      resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`benchmark target exited with ${code}`)))
  })
}

/**
 * `lanyard server --workers N` (the built CLI) on SQLite in a temp data dir: the node:cluster primary and its workers.
 * Its CPU time is the sum over the primary and every process below it.
 */
export async function startCluster(workers: number): Promise<ChildTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-bench-cluster-'))
  const child = spawn(
    process.execPath,
    [
      new URL('../dist/cli/main.js', import.meta.url).pathname,
      'server',
      '--workers',
      String(workers),
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LANYARD_LOG_LEVEL: 'warn' } },
  )
  const banner = await firstLine(child)
  const url = /listening on (\S+)/.exec(banner)?.[1]
  if (url === undefined) throw new Error(`unexpected banner: ${banner}`)
  const text = readFileSync(join(dataDir, 'credentials'), 'utf8')
  return {
    url,
    pid: child.pid!,
    dataDir,
    credentials: {
      accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
      secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
    },
    cpuMs: () => treeCpuMs(child.pid!),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** CPU time of a process and all its descendants (Linux `/proc/<pid>/task/<pid>/children`). */
function treeCpuMs(pid: number): number | undefined {
  const own = cpuMs(pid)
  if (own === undefined) return undefined
  let children: string[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean)
  } catch {}
  return children.reduce((sum, child) => sum + (treeCpuMs(Number(child)) ?? 0), own)
}
