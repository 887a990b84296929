import { PROFILE, type ServerConfig, type WorkerListening } from '../../server/index.js'

/** The lines `lanyard server` prints once it listens. */
export function banner(config: ServerConfig, app: WorkerListening): string {
  const lines = [
    `Lanyard listening on ${app.url}`,
    `Data:        ${config.dataDir}${config.databaseUrl ? ' (store: PostgreSQL)' : ' (store: SQLite)'}`,
    `Credentials: ${app.credentialsFile} (profile ${PROFILE})${app.createdDefaultAccount ? ' — created now' : ''}`,
    ...(config.workers > 1
      ? [`Workers:     ${config.workers} processes (pid ${process.pid} is the primary)`]
      : []),
    '',
    'Try:',
    `  eval "$(lanyard env)"   # or: npx lanyard env`,
    `  aws --endpoint-url ${app.url} sts get-caller-identity`,
    '',
  ]
  return `${lines.join('\n')}\n`
}

/** On the first SIGTERM or SIGINT, writes `<signal>: shutting down` to `out` (when given), runs `stop` and exits 0, or 1 when it fails. */
export function stopOnSignals(out: NodeJS.WritableStream | undefined, stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = (signal: string) => {
    if (stopping) return
    stopping = true
    out?.write(`${signal}: shutting down\n`)
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => onSignal('SIGTERM'))
  process.once('SIGINT', () => onSignal('SIGINT'))
}
