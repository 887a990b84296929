/**
 * The audit trail's writer thread: appends the batches the server thread posts, through a database connection of its
 * own, so that encoding rows and SQLite's inserts run beside request handling instead of inside it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type AuditEventRecord, openAuditAppender, type StoreConfig } from '../../store/index.js'
import type { FromAuditThread, ToAuditThread } from './audit-thread-messages.js'

/** Rows per transaction: a writer of the server thread waits for the write lock at most this long. */
const ROWS_PER_TRANSACTION = 250

/** Queued events that are written without waiting for a `write`. */
const MAX_QUEUED = 4000

const port = parentPort!
const appender = openAuditAppender((workerData as { store: StoreConfig }).store)
const queue: AuditEventRecord[] = []
let writing: Promise<void> = Promise.resolve()

const post = (message: FromAuditThread) => port.postMessage(message)

/** Writes the queue in transactions of ROWS_PER_TRANSACTION; what fails stays queued for the next batch. */
async function drain(): Promise<string | undefined> {
  while (queue.length > 0) {
    const rows = queue.slice(0, ROWS_PER_TRANSACTION)
    try {
      await appender.append(rows)
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
    queue.splice(0, rows.length)
  }
  return undefined
}

port.on('message', (message: ToAuditThread) => {
  if (message.kind === 'append') {
    for (const event of message.events) queue.push(event)
    // Bounds what a thread that is never asked to write holds; a failure here is answered at the next `write`.
    if (queue.length >= MAX_QUEUED) writing = writing.then(() => void drain())
    return
  }
  if (message.kind === 'close') {
    writing = writing.then(async () => {
      await appender.close()
      port.close()
    })
    return
  }
  writing = writing.then(async () => {
    const failure = await drain()
    post(
      failure === undefined
        ? { kind: 'stored', id: message.id }
        : { kind: 'failed', id: message.id, failure },
    )
  })
})
