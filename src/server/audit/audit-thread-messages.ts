import type { AuditEventRecord } from '../../store/index.js'

/**
 * What the server thread posts to the audit thread: batches of events (numbered from 1), and requests to store
 * every batch up to a number. The thread commits on `write` (and when it holds MAX_QUEUED events), not per batch:
 * on SQLite each commit of another connection makes the server drop its derived caches (`PRAGMA data_version`).
 */
export type ToAuditThread =
  | { readonly kind: 'append'; readonly id: number; readonly events: readonly AuditEventRecord[] }
  | { readonly kind: 'write'; readonly id: number }
  | { readonly kind: 'close' }

/**
 * What the audit thread answers to each `write`, in order: every batch up to `id` is stored, or the write failed
 * (the events stay queued in the thread and are written with the next `write`).
 */
export type FromAuditThread =
  | { readonly kind: 'stored'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly failure: string }
