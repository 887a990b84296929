import assert from 'node:assert/strict'
import cluster from 'node:cluster'
import { get } from 'node:http'
import { after, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { ClusterPrimary, createLogger } from '../../src/server/index.js'
import { isRunning } from '../e2e/server-process.js'

const WORKER = fileURLToPath(new URL('./fixtures/cluster-worker.ts', import.meta.url))
cluster.setupPrimary({ exec: WORKER, execArgv: ['--import', 'tsx'], silent: true })

/** A primary whose log lines are kept. */
function primary(size: number): { primary: ClusterPrimary; logs: () => Record<string, unknown>[] } {
  const lines: string[] = []
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) })
  return { primary: new ClusterPrimary(size, logger), logs: () => lines.map((line) => JSON.parse(line)) }
}

const livePids = (): number[] =>
  Object.values(cluster.workers ?? {})
    .filter((worker) => worker !== undefined && !worker.isDead())
    .map((worker) => worker!.process.pid!)

/** GET `url` on a new connection (the primary hands new connections to the workers in turn): status and body. */
const fetchOnce = (url: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode!, body }))
    }).on('error', reject)
  })

const answer = async (url: string): Promise<string> => (await fetchOnce(url)).body

async function until(ms: number, check: () => boolean): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await sleep(20)
  }
}

describe('server: ClusterPrimary', { timeout: 60_000 }, () => {
  after(() => {
    for (const pid of livePids()) process.kill(pid, 'SIGKILL')
  })

  it('starts the workers on one port, replaces one that dies, and stops them all', async () => {
    const { primary: cluster2, logs } = primary(2)
    const first = await cluster2.start()
    const started = livePids()
    assert.equal(started.length, 2)
    const answered = new Set<string>()
    for (let i = 0; i < 6; i++) answered.add(await answer(first.url))
    assert.deepEqual([...answered].map(Number).sort(), [...started].sort())

    const victim = started[0]!
    process.kill(victim, 'SIGKILL')
    await until(10_000, () => livePids().length === 2 && !livePids().includes(victim))
    await until(10_000, () => logs().some((line) => line.msg === 'replacement worker listening'))
    const exit = logs().find((line) => line.msg === 'worker exited unexpectedly; starting a replacement')
    assert.equal(exit?.pid, victim)
    assert.equal(exit?.signal, 'SIGKILL')

    const workers = livePids()
    assert.equal(await cluster2.stop(), true)
    assert.deepEqual(workers.filter(isRunning), [])
    assert.equal(logs().filter((line) => String(line.msg).startsWith('worker exited')).length, 1)
  })

  it('answers /metrics in every worker with the sum over the workers, and 503 at once while one starts', async () => {
    const { primary: cluster3 } = primary(3)
    const first = await cluster3.start()
    try {
      for (let i = 0; i < 3; i++) {
        const { status, body } = await fetchOnce(`${first.url}/metrics`)
        assert.equal(status, 200)
        assert.match(body, /^fixture_workers_total 3$/m)
      }
      const victim = livePids()[0]!
      process.kill(victim, 'SIGKILL')
      // Once the primary saw the exit, the replacement is forked; it has not listened yet.
      await until(10_000, () => livePids().length === 3 && !livePids().includes(victim))
      const starting = await fetchOnce(`${first.url}/metrics`)
      assert.equal(starting.status, 503)
      assert.equal(starting.body, 'The metrics of the cluster are unavailable: a worker is starting\n')
    } finally {
      assert.equal(await cluster3.stop(), true)
    }
  })

  it('stops cleanly while a replacement is still starting', async () => {
    const { primary: cluster2, logs } = primary(2)
    await cluster2.start()
    const [victim] = livePids()
    process.kill(victim!, 'SIGKILL')
    await until(10_000, () =>
      logs().some((line) => line.msg === 'worker exited unexpectedly; starting a replacement'),
    )
    // The replacement is forked on the next turn; SIGTERM reaches it before it has listened.
    await until(10_000, () => livePids().length === 2)
    assert.equal(await cluster2.stop(), true)
    assert.deepEqual(livePids(), [])
    assert.equal(logs().filter((line) => line.msg === 'replacement worker listening').length, 0)
  })

  it('fails to start when the first worker exits before it listens', async () => {
    process.env.CLUSTER_FIXTURE = 'fail'
    try {
      const { primary: failing } = primary(2)
      await assert.rejects(failing.start(), { message: /^worker \d+ exited \(code 3\) before it listened$/ })
      await failing.stop()
      assert.deepEqual(livePids(), [])
    } finally {
      delete process.env.CLUSTER_FIXTURE
    }
  })
})
