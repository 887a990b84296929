import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** A benchmark target running in a child process. */
export interface ChildTarget {
  readonly url: string
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string }
  stop(): Promise<void>
}

/** Starts bench/server-child.ts with `kind` and waits for its JSON line. */
export async function startChild(kind: 'plain' | 'lanyard'): Promise<ChildTarget> {
  const child = spawn(
    process.execPath,
    [...profileFlags(kind), '--import', 'tsx', new URL('./server-child.ts', import.meta.url).pathname, kind],
    // The child stops when its stdin closes, so it never outlives this process.
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  const line = await firstLine(child)
  const started = JSON.parse(line) as Omit<ChildTarget, 'stop'>
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.stdin!.end()
      }),
  }
}

/** BENCH_SERVER_PROFILE=1 writes a CPU profile of the Lanyard child into ./profiles. */
function profileFlags(kind: string): string[] {
  if (kind !== 'lanyard' || process.env.BENCH_SERVER_PROFILE !== '1') return []
  return ['--cpu-prof', '--cpu-prof-dir=profiles']
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
