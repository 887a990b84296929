import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const A = '111122223333'
const IDENTITY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::bucket/*' },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/secret/*' },
  ],
}

/** Runs `lanyard policy evaluate <args>` with `input` on stdin. */
function run(
  args: readonly string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'policy', 'evaluate', ...args],
      {
        cwd: ROOT,
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

function request(n: number) {
  const key = n % 3 === 0 ? 'secret/k' : n % 3 === 1 ? 'public/k' : 'k'
  return {
    name: `req-${n}`,
    principal: `arn:aws:iam::${A}:user/alice`,
    action: n % 5 === 0 ? 's3:PutObject' : 's3:GetObject',
    resource: `arn:aws:s3:::bucket/${key}`,
    identityPolicies: [IDENTITY],
  }
}

function expected(n: number): string {
  if (n % 5 === 0) return 'ImplicitlyDenied'
  return n % 3 === 0 ? 'ExplicitlyDenied' : 'Allowed'
}

describe('cli: lanyard policy evaluate', () => {
  it('answers a batch of thousands of lines in order, one line each, and goes on after bad lines', async () => {
    const count = 3000
    const lines: string[] = []
    for (let n = 0; n < count; n++) {
      lines.push(n % 500 === 7 ? `{"name": "broken-${n}", ` : JSON.stringify(request(n)))
      if (n % 1000 === 3) lines.push('') // blank lines are skipped
    }
    const { code, stdout, stderr } = await run(['--batch'], `${lines.join('\n')}\n`)
    assert.equal(stderr, '')
    assert.equal(code, 0)
    const out = stdout.trimEnd().split('\n')
    assert.equal(out.length, count)
    out.forEach((line, n) => {
      const response = JSON.parse(line)
      if (n % 500 === 7) {
        assert.equal(response.name, null)
        assert.match(response.error, /^invalid JSON/)
        return
      }
      assert.equal(response.name, `req-${n}`)
      assert.equal(response.decision, expected(n), `line ${n}`)
    })
  })

  it('answers the last line even without a final newline, and with --interpreted', async () => {
    const input = `${JSON.stringify(request(1))}\n${JSON.stringify(request(3))}`
    const { stdout } = await run(['--batch', '--interpreted'], input)
    assert.deepEqual(
      stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).decision),
      ['Allowed', 'ExplicitlyDenied'],
    )
  })

  it('reads one request from a file and prints the response with its reasons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lanyard-evaluate-'))
    try {
      const file = join(dir, 'request.json')
      await writeFile(file, JSON.stringify(request(3)))
      const { code, stdout } = await run([file], '')
      assert.equal(code, 0)
      assert.deepEqual(JSON.parse(stdout), {
        name: 'req-3',
        decision: 'ExplicitlyDenied',
        matched: [{ policy: 'identity[0]', statement: 1, sid: 'NoSecrets', effect: 'Deny' }],
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('exits 1 with an error response for a malformed request on stdin', async () => {
    const { code, stdout } = await run(
      [],
      JSON.stringify({ name: 'bad', principal: 'nobody', action: 's3:GetObject' }),
    )
    assert.equal(code, 1)
    assert.equal(JSON.parse(stdout).name, 'bad')
    assert.match(JSON.parse(stdout).error, /resource/)
  })
})
