import type { AwsError } from '../kernel/aws-error.js'
import type { ServiceModel } from '../models/index.js'
import type { WireResponse } from '../protocol/index.js'
import type { Caller, Operation, OperationContext, ServiceDefinition } from '../services/index.js'
import type { ParsedAuth, ReceivedRequest } from '../sigv4/index.js'

/** The result of the authorization step, kept for the audit trail and metrics. */
export type AuthorizationOutcome = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' | 'NotEvaluated'

/** Everything one request accumulates as it passes through the pipeline. */
export interface Exchange {
  readonly requestId: string
  /** The instant the request arrived; authorization and the operation see this time. */
  readonly receivedAt: Date
  request: ReceivedRequest
  readonly sourceIp: string
  readonly secure: boolean
  /** Form parameters for query/ec2 requests (body and query string together). */
  params?: ReadonlyMap<string, string>
  service?: ServiceDefinition
  model?: ServiceModel
  operationName?: string
  operation?: Operation
  auth?: ParsedAuth
  /** The region of the credential scope; `us-east-1` for unsigned calls. */
  region: string
  caller?: Caller
  /** The operation context, built once the caller is known. */
  context?: OperationContext
  input?: Record<string, unknown>
  output?: Record<string, unknown>
  authorization: AuthorizationOutcome
  error?: AwsError
  /** What was thrown when the error is the server's fault; logged, never returned. */
  cause?: unknown
  response?: WireResponse
}
