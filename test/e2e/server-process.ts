import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname

/** A Lanyard server running in a child process, as `npm start` runs it. */
export interface ServerProcess {
  readonly child: ChildProcess
  readonly url: string
  /** What the server wrote on stdout so far (its banner). */
  stdout(): string
  /** What the server wrote on stderr so far (its JSON logs). */
  stderr(): string
  /** Sends `signal` and resolves with the exit code once the process is gone (at once when it already is). */
  stop(signal: NodeJS.Signals): Promise<number | null>
}

/**
 * Starts `src/main.ts` on `port` (ephemeral by default) and `dataDir` with the further `flags`, with exactly the
 * environment `env`; resolves once it prints where it listens, rejects when it exits before.
 */
export async function spawnServer(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  port = 0,
  flags: readonly string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', '--port', String(port), '--data-dir', dataDir, ...flags],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk) => {
    stderr += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      const match = /Lanyard listening on (\S+)/.exec(stdout)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
  })
  return {
    child,
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    stop(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill(signal)
      return exited
    },
  }
}

/** The access key of the admin user the server wrote to `<dataDir>/credentials`. */
export async function adminKeys(dataDir: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const text = await readFile(join(dataDir, 'credentials'), 'utf8')
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
}

/** Whether process `pid` exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
