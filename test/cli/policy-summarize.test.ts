import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { formatTable, policySummarize } from '../../src/cli/commands/policy-summarize.js'

const FILES: Readonly<Record<string, unknown>> = {
  'deny-customer.json': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:CreateRole', 'iam:AttachRolePolicy'], Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: ['arn:aws:s3:::customer', 'arn:aws:s3:::customer/*'] },
      { Effect: 'Allow', Action: 'codedploy:*', Resource: '*' },
    ],
  },
  'bad.json': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }],
  },
}

/** Collects what the command writes. */
function sink() {
  const chunks: string[] = []
  return { chunks, text: () => chunks.join(''), write: (text: string) => chunks.push(text) }
}

describe('cli: lanyard policy summarize', () => {
  let dir = ''
  const path = (name: string) => join(dir, name)
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lanyard-summarize-'))
    for (const [name, body] of Object.entries(FILES)) await writeFile(path(name), JSON.stringify(body))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('prints an aligned table per section by default', async () => {
    const out = sink()
    assert.equal(await policySummarize(path('deny-customer.json'), { output: 'table' }, out), 0)
    const lines = out.text().split('\n')
    const at = (title: string) => lines.findIndex((line) => line.startsWith(title))
    assert.match(lines[at('Explicit deny')]!, /^Explicit deny \(1 of \d+ services\)$/)
    assert.match(lines[at('Allow')]!, /^Allow \(1 of \d+ services\)$/)
    const header = lines[at('Allow') + 1]!
    const row = lines[at('Allow') + 2]!
    assert.match(header, /^Service +Access level +Resource +Request condition$/)
    assert.match(
      row,
      /^AWS Identity and Access Management \(IAM\) \(iam\) +Limited: Write, Permissions management/,
    )
    // Columns line up: each header starts where its column does.
    assert.equal(row.indexOf('Limited'), header.indexOf('Access level'))
    assert.equal(row.indexOf('All resources'), header.indexOf('Resource'))
    assert.match(lines[at('Explicit deny') + 2]!, /^Amazon S3 \(s3\) +Full access +Multiple +None$/)
    assert.ok(lines.includes('Uncategorized services'))
    assert.match(out.text(), /codedploy +Allow +unrecognized service +codedploy:\*/)
  })

  it('writes the summary as JSON with --output json', async () => {
    const out = sink()
    assert.equal(await policySummarize(path('deny-customer.json'), { output: 'json' }, out), 0)
    const summary = JSON.parse(out.text())
    assert.deepEqual(
      summary.allow.map((r: { service: string; accessLevel: string }) => [r.service, r.accessLevel]),
      [['iam', 'Limited: Write, Permissions management']],
    )
    assert.equal(summary.deny[0].resource, 'Multiple')
    assert.equal(summary.uncategorized[0].service, 'codedploy')
  })

  it('drills into one service with --service', async () => {
    const out = sink()
    assert.equal(
      await policySummarize(path('deny-customer.json'), { output: 'table', service: 'iam' }, out),
      0,
    )
    const lines = out.text().trimEnd().split('\n')
    assert.equal(lines[0], 'AWS Identity and Access Management (IAM) (iam): Allow (2 actions)')
    assert.match(lines[2]!, /^CreateRole +Write +All resources +None$/)
    assert.match(lines[3]!, /^AttachRolePolicy +Permissions management +All resources +None$/)
  })

  it('reports a document that does not parse and exits 1', async () => {
    const out = sink()
    assert.equal(await policySummarize(path('bad.json'), { output: 'table' }, out), 1)
    assert.match(out.text(), /bad\.json: error Statement\[0\]\.Effect/)
    assert.equal(await policySummarize(path('missing.json'), { output: 'table' }, sink()), 1)
  })

  it('pads every column but the last', () => {
    assert.equal(
      formatTable([
        ['a', 'bb', 'c'],
        ['ccc', 'd', 'e'],
      ]),
      'a    bb  c\nccc  d   e',
    )
  })
})
