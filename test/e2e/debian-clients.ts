import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { startTestServer, type TestServer } from './start.js'

/** Runs a command and resolves with its stdout and stderr. */
export const run = promisify(execFile)
/** CI tests Debian's packages, not a pip copy that may be first on the PATH. */
export const AWS = '/usr/bin/aws'
export const PYTHON = '/usr/bin/python3'

async function missing(command: string, args: readonly string[]): Promise<string | undefined> {
  try {
    await run(command, args)
    return undefined
  } catch (error) {
    return `${command} ${args.join(' ')} failed: ${(error as Error).message.split('\n')[0]} (CI installs awscli and python3-boto3)`
  }
}

/** Why the AWS CLI tests are skipped, or undefined when Debian's AWS CLI is installed. */
export const awsMissing = await missing(AWS, ['--version'])
/** Why the boto3 tests are skipped, or undefined when Debian's python3-boto3 is installed. */
export const boto3Missing = await missing(PYTHON, ['-c', 'import boto3'])

/** The part of a started test server the clients need: its endpoint and its admin's credentials file. */
export interface ClientTarget {
  readonly url: string
  readonly app: { readonly credentialsFile: string }
}

/**
 * Debian's AWS CLI and boto3 signing as the server's admin (profile `lanyard`, us-east-1, no config file);
 * boto3 scripts find the endpoint in `LANYARD_URL`. `extraEnv` adds to or overrides that environment.
 */
export function debianClients(server: ClientTarget, extraEnv: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
    AWS_PROFILE: 'lanyard',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    // AWS CLI v2 (Debian's) pipes output through a pager unless told not to.
    AWS_PAGER: '',
    LANYARD_URL: server.url,
    ...extraEnv,
  }
  /** `aws --endpoint-url <server> --output json <args>`; resolves with its stdout, rejects with its stderr. */
  const awsText = async (...args: string[]): Promise<string> => {
    const { stdout } = await run(AWS, ['--endpoint-url', server.url, '--output', 'json', ...args], {
      env,
      maxBuffer: 1 << 24,
    })
    return stdout
  }
  return {
    env,
    awsText,
    /** The AWS CLI's output parsed as JSON; `{}` when the command prints nothing. */
    async aws(...args: string[]) {
      const stdout = await awsText(...args)
      return stdout.trim() === '' ? {} : JSON.parse(stdout)
    },
    /** The AWS CLI's stderr of a command that must fail. */
    awsError: (...args: string[]): Promise<string> =>
      awsText(...args).then(
        () => assert.fail('the command succeeded'),
        (error: { stderr: string }) => error.stderr.trim(),
      ),
    /** Runs a boto3 script (`python3 -c script args…`) and parses what it prints as JSON. */
    async python(script: string, args: readonly string[] = [], scriptEnv: NodeJS.ProcessEnv = {}) {
      const { stdout } = await run(PYTHON, ['-c', script, ...args], { env: { ...env, ...scriptEnv } })
      return JSON.parse(stdout)
    },
  }
}

/** The clients {@link debianClients} returns. */
export type DebianClients = ReturnType<typeof debianClients>

/** A started test server (quiet logs) with Debian's clients signing as its admin: what the CLI/boto3 suites share. */
export async function startServerWithClients(): Promise<{ server: TestServer; clients: DebianClients }> {
  const server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
  return { server, clients: debianClients(server) }
}
