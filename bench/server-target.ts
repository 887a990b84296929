import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
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
export async function startChild(kind: 'plain' | 'lanyard'): Promise<ChildTarget> {
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
