import type { OperationModel, ProtocolName, ServiceModel } from '../models/index.js'

/** The parts of an HTTP request the protocol layer reads. Header names are lower-case. */
export interface WireRequest {
  readonly method?: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: string | Uint8Array | undefined
  /**
   * The query and form-body parameters, when the caller has read them already (`readFormParams` of `query` and
   * `body`); the query protocols then read these instead of reading them again.
   */
  readonly formParams?: ReadonlyMap<string, string>
}

/** The parts of an HTTP response the protocol layer produces. */
export interface WireResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** Raw bytes written instead of `body` (an S3 object's content). */
  readonly payload?: Uint8Array
}

/** An error found while reading a request, with its AWS code, HTTP status and message. */
export interface ProtocolError {
  readonly code: string
  readonly status: number
  readonly message: string
}

/** A parsed operation input keyed by AWS member names, or the AWS error for a bad request. */
export type ParseResult =
  | { readonly ok: true; readonly input: Record<string, unknown> }
  | { readonly ok: false; readonly error: ProtocolError }

/** The error to render: AWS code, HTTP status, message, fault and extra members (S3 `BucketName`, …). */
export interface ErrorToRender {
  readonly code: string
  readonly status: number
  readonly message: string
  readonly fault?: 'Sender' | 'Receiver'
  readonly fields?: Readonly<Record<string, string>>
}

/** A model and one of its operations, found from the wire (Action, X-Amz-Target, …). */
export interface OperationMatch {
  readonly model: ServiceModel
  readonly operation: OperationModel
}

export type { ProtocolName }

/** Shorthand for a failed parse. */
export const parseFailure = (code: string, status: number, message: string): ParseResult => ({
  ok: false,
  error: { code, status, message },
})
