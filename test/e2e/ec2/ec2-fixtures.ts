import { EC2Client } from '@aws-sdk/client-ec2'
import type { Keys } from '../sts/sts-fixtures.js'

export {
  ACCOUNT,
  createRole,
  createUser,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
} from '../sts/sts-fixtures.js'

/** An SDK v3 EC2 client for the test server, in `region` (us-east-1 by default). */
export const ec2Client = (url: string, keys: Keys, region = 'us-east-1'): EC2Client =>
  new EC2Client({ endpoint: url, region, credentials: keys, maxAttempts: 1 })

/** A policy statement allowing `actions` on every resource. */
export const allow = (...actions: string[]) => ({ Effect: 'Allow', Action: actions, Resource: '*' })

/** The text of an UnauthorizedOperation before its encoded message, and the encoded message. */
export function splitUnauthorized(message: string): { text: string; encoded: string } {
  const marker = ' Encoded authorization failure message: '
  const at = message.indexOf(marker)
  return { text: message.slice(0, at), encoded: message.slice(at + marker.length) }
}
