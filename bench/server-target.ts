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
    ['--import', 'tsx', new URL('./server-child.ts', import.meta.url).pathname, kind],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...profileEnv(kind) } },
  )
  const line = await firstLine(child)
  const started = JSON.parse(line) as Omit<ChildTarget, 'stop'>
  return {
    ...started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** BENCH_SERVER_PROFILE=1 writes a CPU profile of the Lanyard child into ./profiles. */
function profileEnv(kind: string): NodeJS.ProcessEnv {
  if (kind !== 'lanyard' || process.env.BENCH_SERVER_PROFILE !== '1') return {}
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=profiles`.trim() }
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
