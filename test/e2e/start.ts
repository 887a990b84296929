import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningApp, startApp } from '../../src/app.js'
import { resolveConfig } from '../../src/server/index.js'

/** A Lanyard started for one test file, on a free port with its own data dir. */
export interface TestServer {
  readonly app: RunningApp
  readonly url: string
  readonly dataDir: string
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  stop(): Promise<void>
}

/** Starts Lanyard on 127.0.0.1 with an ephemeral port and a temporary data dir. */
export async function startTestServer(env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-e2e-'))
  const app = await startApp(resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, env))
  const text = await readFile(app.credentialsFile, 'utf8')
  const credentials = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
  return {
    app,
    url: app.url,
    dataDir,
    credentials,
    async stop() {
      await app.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
