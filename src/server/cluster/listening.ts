/** What a worker tells the primary once its app listens. */
export interface WorkerListening {
  readonly url: string
  readonly credentialsFile: string
  readonly createdDefaultAccount: boolean
}

interface ListeningMessage extends WorkerListening {
  readonly type: 'lanyard:listening'
}

/** Whether an IPC message from a worker is its listening report. */
export const isListeningMessage = (message: unknown): message is ListeningMessage =>
  (message as ListeningMessage | null)?.type === 'lanyard:listening'

/** In a worker: tells the primary that this worker's app listens (the primary then starts the next one). */
export function reportListening(listening: WorkerListening): void {
  if (process.send === undefined)
    throw new Error('reportListening needs an IPC channel to the cluster primary')
  const message: ListeningMessage = {
    type: 'lanyard:listening',
    url: listening.url,
    credentialsFile: listening.credentialsFile,
    createdDefaultAccount: listening.createdDefaultAccount,
  }
  process.send(message)
}
