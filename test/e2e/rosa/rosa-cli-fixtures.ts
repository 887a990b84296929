import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { TestServer } from '../start.js'

const MAIN = new URL('../../../src/cli/main.ts', import.meta.url).pathname

/** A finished `lanyard rosa` child process: its exit code and output. */
export interface RosaCliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The environment of a `lanyard rosa` child process against `server`, as its admin (the `lanyard` profile). */
export const rosaCliEnv = (server: TestServer): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_ENDPOINT_URL: server.url,
  AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
  AWS_PROFILE: 'lanyard',
  AWS_REGION: 'us-east-1',
})

/** Runs `lanyard rosa …args` as a child process with `env`; resolves with its exit code and output. */
export async function runRosaCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<RosaCliResult> {
  try {
    const run = promisify(execFile)
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, 'rosa', ...args], {
      env,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
