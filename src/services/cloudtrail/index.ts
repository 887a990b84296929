import type { ServiceDefinition } from '../operation.js'
import { CLOUDTRAIL_MODEL } from './model.js'
import { lookupEvents } from './operations/lookup-events.js'

/** CloudTrail, 2013-11-01 (json protocol): LookupEvents over the audit trail. */
export const CLOUDTRAIL_SERVICE: ServiceDefinition = {
  signingName: 'cloudtrail',
  eventSource: 'cloudtrail.amazonaws.com',
  model: CLOUDTRAIL_MODEL,
  operations: { LookupEvents: lookupEvents },
}
