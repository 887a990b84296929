/** An error with a stable AWS error code, HTTP status and fault, rendered verbatim on the wire. */
export class AwsError extends Error {
  /** AWS error code, e.g. `NoSuchEntity`. */
  readonly code: string
  /** HTTP status code. */
  readonly status: number
  /** Who is at fault: the caller (`Sender`) or the service (`Receiver`). */
  readonly fault: 'Sender' | 'Receiver'

  constructor(code: string, status: number, message: string, fault: 'Sender' | 'Receiver' = 'Sender') {
    super(message)
    this.name = code
    this.code = code
    this.status = status
    this.fault = fault
  }
}

/** The IAM error for a policy document that fails validation. */
export const malformedPolicyDocument = (message: string): AwsError =>
  new AwsError('MalformedPolicyDocument', 400, message)
