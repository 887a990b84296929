/**
 * Profiling aid: starts one Lanyard child (BENCH_SERVER_PROFILE=1 writes its CPU profile into ./profiles) and
 * drives one scenario — `sts` (GetCallerIdentity) or `iam` (GetUser) — for BENCH_SECONDS (default 10).
 */
import { signForm, type WireRequest } from '../test/e2e/sign.js'
import { runLoad } from './harness.js'
import { startChild } from './server-target.js'

const service = process.argv[2] === 'iam' ? 'iam' : 'sts'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const lanyard = await startChild('lanyard')
try {
  const body =
    service === 'sts' ? 'Action=GetCallerIdentity&Version=2011-06-15' : 'Action=GetUser&Version=2010-05-08'
  const requests: WireRequest[] = []
  for (let i = 0; i < 64; i++)
    requests.push(
      await signForm({
        url: lanyard.url,
        credentials: lanyard.credentials!,
        service,
        region: 'us-east-1',
        body,
        signingDate: new Date(Date.now() - i * 1000),
      }),
    )
  process.stderr.write(`load started against pid ${lanyard.pid}\n`)
  process.stdout.write(`${JSON.stringify(await runLoad(lanyard, requests, seconds, 10))}\n`)
} finally {
  await lanyard.stop()
}
