import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'

const ROOT = new URL('../../', import.meta.url).pathname

/** Runs `lanyard demo` as a user would (its own process); answers its exit code and output. */
function runDemo(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', ...args], {
    cwd: ROOT,
    // No AWS_* variables: the demo must not depend on the caller's profile or endpoint.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      AWS_SDK_JS_SUPPRESS_NODE_DEPRECATION_WARNING: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

describe('e2e: lanyard demo', () => {
  let dataDir: string | undefined
  after(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('tells the whole story on a fresh data dir in under a minute and exits 0, and again on the kept data dir', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-demo-test-'))
    const { code, stdout, stderr } = await runDemo(['--data-dir', dataDir])
    assert.equal(code, 0, `${stdout}\n${stderr}`)
    const expected = [
      /^== Lanyard listening on http:\/\/127\.0\.0\.1:\d+, data in /m,
      /^ {2}provider account 710019948333, roles: RH-Managed-OpenShift-Installer, RH-Technical-Support-Access$/m,
      /^ {2}the provider's services start as arn:aws:iam::710019948333:role\/RH-Managed-OpenShift-Platform \(web identity of the provider's own cluster\)$/m,
      /^ {2}assumed arn:aws:iam::000000000000:role\/ManagedOpenShift-Installer-Role as arn:aws:iam::710019948333:role\/RH-Managed-OpenShift-Installer \(temporary credentials ASIA\w+\)$/m,
      /^ {2}install complete$/m,
      /^ {2}cluster demo \(\w+\) is ready/m,
      /^ {2}operator machine-api: available — 3 of 3 workers/m,
      /^ {2}operator EBS CSI: volume vol-\w+ \(10 GiB\) attached to i-\w+$/m,
      /^ {2}ALLOWED ec2:DescribeInstances as support session 1 — \d+ instances \(pending or running\) tagged for demo-/m,
      /^ {2}DENIED {2}ec2:DeleteVolume as support session 1 — UnauthorizedOperation: .* because no identity-based policy allows the ec2:DeleteVolume action\.$/m,
      /^ {2}AWSRevokeOlderSessions on ManagedOpenShift-Support-Role: sessions issued before \S+ are denied$/m,
      /^ {2}DENIED {2}ec2:DescribeVolumes as support session 1 — UnauthorizedOperation: .* with an explicit deny in an identity-based policy\.$/m,
      /^ {2}ALLOWED ec2:DescribeVolumes as support session 2 \(fresh\) — \d+ volumes/m,
      /^ {2}uninstall complete$/m,
      /^ {2}deleted 6 operator roles$/m,
      /^ {2}deleted 4 account roles/m,
      /^ {2}710019948333 assumed-role\/RH-Managed-OpenShift-Installer\/installer-\w+ → ManagedOpenShift-Installer-Role for 60 min \(ASIA\w+\): \d+ allowed, 0 denied$/m,
      /^ {2}710019948333 assumed-role\/RH-Technical-Support-Access\/support-sre-alice → ManagedOpenShift-Support-Role for 60 min \(ASIA\w+\): 2 allowed, 2 denied — denied: ec2:DeleteVolume \(UnauthorizedOperation\), ec2:DescribeVolumes \(UnauthorizedOperation\)$/m,
      /^ {2}web identity system:serviceaccount:openshift-machine-api:machine-api-controllers → demo-ops-openshift-machine-api-aws-cloud-credentials for 60 min \(ASIA\w+\): \d+ allowed, 0 denied$/m,
      /^ {2}the provider admin's key only set the provider up \(rosa init\); the provider's services started from web identity$/m,
      /^ {2}web identity system:serviceaccount:ocm:clusters-service → RH-Managed-OpenShift-Platform for 60 min \(ASIA\w+\): \d+ allowed, 0 denied$/m,
      /^ {2}710019948333 assumed-role\/RH-Managed-OpenShift-Platform\/clusters-service → RH-Managed-OpenShift-Installer for 60 min/m,
      /^The provider's installer, its support engineers and the operators made \d+ calls, all with temporary ASIA session keys\.$/m,
    ]
    for (const line of expected) assert.match(stdout, line)
    const seconds = Number(/^Demo finished in (\d+) s\.$/m.exec(stdout)?.[1])
    assert.ok(seconds < 60, `the demo took ${seconds} s`)
    // --data-dir keeps the state: the server's credentials file with both accounts' profiles.
    const credentials = await readFile(join(dataDir, 'credentials'), 'utf8')
    assert.match(credentials, /\[lanyard-710019948333\]/)
    // A second run on the kept data dir (another port) tells the story again, and only this run's trail.
    const again = await runDemo(['--data-dir', dataDir])
    assert.equal(again.code, 0, `${again.stdout}\n${again.stderr}`)
    const calls = (out: string) =>
      Number(/ made (\d+) calls, all with temporary ASIA session keys\.$/m.exec(out)?.[1])
    assert.ok(
      calls(again.stdout) < calls(stdout) * 1.5,
      `${calls(again.stdout)} calls narrated, ${calls(stdout)} the first time`,
    )
  })
})
