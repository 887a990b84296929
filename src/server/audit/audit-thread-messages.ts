import type { AuditEventRecord } from '../../store/index.js'

/** What the server thread posts to the audit thread. */
export type ToAuditThread =
  | { readonly kind: 'append'; readonly id: number; readonly events: readonly AuditEventRecord[] }
  | { readonly kind: 'close' }

/**
 * What the audit thread answers for each `append`, in order: every event of it and of earlier batches is stored,
 * or the write failed (the events stay queued in the thread and are written with the next batch).
 */
export type FromAuditThread =
  /** The thread listens: messages posted before this may be lost, so they wait for it. */
  | { readonly kind: 'ready' }
  | { readonly kind: 'stored'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly failure: string }
