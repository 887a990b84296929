import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { judge } from './fuzz/oracle.js'
import { build, plan } from './fuzz/plan.js'
import { REGRESSIONS } from './fuzz/regressions.js'
import { type FuzzRequest, send } from './fuzz/send.js'
import { snapshotState } from './fuzz/snapshot.js'
import { signForm } from './sign.js'
import { startTestServer, type TestServer } from './start.js'

/** Fixed unless LANYARD_FUZZ_SEED says otherwise; printed so a failure can be replayed. */
const SEED = Number(process.env.LANYARD_FUZZ_SEED ?? 20261128)
/** The generation budget; `npm run fuzz` with LANYARD_FUZZ_SECONDS=600 runs longer. */
const SECONDS = Number(process.env.LANYARD_FUZZ_SECONDS ?? 25)
const ANSWER_TIMEOUT_MS = 10_000
const MIN_RUNS = 50

async function check(server: TestServer, request: FuzzRequest, mayPassAs?: string): Promise<void> {
  let response: Awaited<ReturnType<typeof send>>
  try {
    response = await send(server.url, request, ANSWER_TIMEOUT_MS)
  } catch (error) {
    throw new Error(`no answer (${(error as Error).message}) to ${describeRequest(request)}`)
  }
  const problem = judge(request, response, mayPassAs === undefined ? {} : { mayPassAs })
  if (problem !== undefined) throw new Error(`${problem}\n  request: ${describeRequest(request)}`)
}

function describeRequest(request: FuzzRequest): string {
  if (request.raw) return JSON.stringify(Buffer.from(request.raw).toString('latin1').slice(0, 300))
  const body = Buffer.from(request.body).toString('latin1').slice(0, 300)
  return JSON.stringify({
    method: request.method,
    path: request.path.slice(0, 300),
    headers: request.headers,
    body,
  })
}

describe('fuzz: bad input never gets a 5xx, a hang or a dropped connection, and changes nothing', () => {
  let server: TestServer
  let before_: ReturnType<typeof snapshotState>
  before(async () => {
    server = await startTestServer()
    before_ = snapshotState(join(server.dataDir, 'lanyard.db'))
  })
  after(() => server.stop())

  it('regression cases found by the fuzzer', async () => {
    for (const regression of REGRESSIONS) await check(server, regression.request)
  })

  it(`random and mutated requests (seed ${SEED}, ${SECONDS} s)`, async (t) => {
    t.diagnostic(`fast-check seed ${SEED}; replay with LANYARD_FUZZ_SEED=${SEED}`)
    const result = await fc.check(
      fc.asyncProperty(plan, async (p) => {
        const { request, expect } = await build(server, p)
        await check(server, request, expect.mayPassAs)
      }),
      {
        seed: SEED,
        numRuns: 1_000_000,
        interruptAfterTimeLimit: SECONDS * 1000,
        markInterruptAsFailure: false,
      },
    )
    t.diagnostic(`${result.numRuns} cases`)
    if (result.failed)
      assert.fail(`seed ${SEED}: ${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`)
    assert.ok(result.numRuns >= MIN_RUNS, `only ${result.numRuns} cases ran in ${SECONDS} s`)
  })

  it('the process still answers a signed GetCallerIdentity', async () => {
    const signed = await signForm({
      url: server.url,
      credentials: server.credentials,
      service: 'sts',
      region: 'us-east-1',
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    })
    const response = await send(server.url, { ...signed, body: Buffer.from(signed.body) }, ANSWER_TIMEOUT_MS)
    assert.equal(response.status, 200)
    assert.match(response.body.toString('utf8'), /<Arn>arn:aws:iam::000000000000:user\/admin<\/Arn>/)
  })

  it('the stored state is unchanged (every table but the audit trail)', () => {
    assert.deepEqual(snapshotState(join(server.dataDir, 'lanyard.db')), before_)
  })
})
