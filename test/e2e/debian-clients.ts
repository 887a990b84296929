import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

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
