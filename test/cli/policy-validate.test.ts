import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Command } from 'commander'
import { policyValidate, registerPolicyValidate } from '../../src/cli/commands/policy-validate.js'

const FILES: Readonly<Record<string, unknown>> = {
  'good.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  },
  'legacy.json': { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
  'bad.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }],
  },
  'unknown-action.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }],
  },
  'trust.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  },
}

/** Collects what the command writes. */
function sink() {
  const lines: string[] = []
  return { lines, write: (text: string) => lines.push(...text.split('\n').filter((line) => line !== '')) }
}

describe('cli: lanyard policy validate', () => {
  let dir = ''
  const path = (name: string) => join(dir, name)
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lanyard-validate-'))
    for (const [name, body] of Object.entries(FILES))
      await writeFile(path(name), JSON.stringify(body, null, 2))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('prints nothing and exits 0 for a valid managed policy', async () => {
    const out = sink()
    assert.equal(await policyValidate([path('good.json')], { type: 'identity' }, out), 0)
    assert.deepEqual(out.lines, [])
  })

  it('prints FILE: severity path message and exits 1 on an error', async () => {
    const out = sink()
    const code = await policyValidate([path('good.json'), path('bad.json')], { type: 'identity' }, out)
    assert.equal(code, 1)
    assert.deepEqual(out.lines, [
      `${path('bad.json')}: error Statement[0].Effect The policy failed legacy parsing`,
    ])
  })

  it('applies the managed-policy Version rule unless --inline', async () => {
    const managed = sink()
    assert.equal(await policyValidate([path('legacy.json')], { type: 'identity' }, managed), 1)
    assert.deepEqual(managed.lines, [
      `${path('legacy.json')}: error Version Policy document must be version 2012-10-17 or greater.`,
    ])
    assert.equal(await policyValidate([path('legacy.json')], { type: 'identity', inline: true }, sink()), 0)
  })

  it('validates by --type', async () => {
    assert.equal(await policyValidate([path('trust.json')], { type: 'trust' }, sink()), 0)
    const out = sink()
    assert.equal(await policyValidate([path('trust.json')], { type: 'identity' }, out), 1)
    assert.match(
      out.lines[0] ?? '',
      /error Statement\[0\]\.Principal Policy document should not specify a principal\.$/,
    )
  })

  it('reports catalog findings as warnings and still exits 0', async () => {
    const out = sink()
    assert.equal(await policyValidate([path('unknown-action.json')], { type: 'identity' }, out), 0)
    assert.ok(out.lines.length > 0)
    for (const line of out.lines) assert.match(line, /: warning Statement\[0\]\.Action/)
  })

  it('reports an unreadable file as an error', async () => {
    const out = sink()
    assert.equal(await policyValidate([path('missing.json')], { type: 'identity' }, out), 1)
    assert.match(out.lines[0] ?? '', /missing\.json: error - cannot read file: /)
  })

  it('parses its flags and rejects an unknown --type', async () => {
    const policy = new Command('policy').exitOverride()
    registerPolicyValidate(policy)
    const validate = policy.commands.find((c) => c.name() === 'validate')
    assert.ok(validate)
    validate.exitOverride().configureOutput({ writeErr: () => {} })
    await assert.rejects(
      policy.parseAsync(['validate', '--type', 'nope', path('good.json')], { from: 'user' }),
    )
  })
})
